import type { Conversation } from '@/api/contract/conversation';

/** The name the customer gave WhatsApp, or their number when they gave none. */
export function customerName(conversation: Pick<Conversation, 'customer'>): string {
  return conversation.customer.profileName?.trim() || conversation.customer.phone;
}
