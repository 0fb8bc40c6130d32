import { nextStatus, type OutboundStatus } from '@/domain/message-status';
import { closesReplyWindow } from '@/domain/twilio-errors';
import type { MockData, StoredConversation, StoredMessage } from './db';

/** The statuses Twilio reports for a WhatsApp message that goes well, in order. */
const HAPPY_PATH: readonly OutboundStatus[] = ['pending', 'queued', 'sent', 'delivered', 'read'];

/** Made-up but well-formed: "SM" and 32 hex digits, as Twilio's MessageSid. */
export function fakeMessageSid(messageId: string): string {
  return `SM${messageId.replace(/-/g, '').slice(0, 32).padEnd(32, '0')}`;
}

/**
 * Moves an outbound message one step along the happy path, as Twilio's status callbacks
 * would; Twilio's SID is set when it accepts the message. Answers the message when it
 * moved, null when it had nowhere to go (read, failed, inbound, or gone).
 */
export function stepDelivery(draft: MockData, messageId: string): StoredMessage | null {
  const message = draft.messages.find((m) => m.id === messageId);
  if (!message || message.direction !== 'outbound' || message.status === 'received' || message.status === 'note') return null;
  const at = HAPPY_PATH.indexOf(message.status);
  const following = at === -1 ? undefined : HAPPY_PATH[at + 1];
  if (!following) return null;
  const status = nextStatus(message.status, following);
  if (status === message.status) return null;
  message.status = status;
  message.twilioSid ??= fakeMessageSid(message.id);
  return message;
}

/**
 * Twilio refuses an outbound message with `errorCode`, as its "failed" status callback says.
 * A refusal as outside the 24-hour window (63016) closes the window for the conversation, as on
 * the server, until the customer writes after the refused message. Null when it cannot fail.
 */
export function failDelivery(draft: MockData, messageId: string, errorCode: string): { message: StoredMessage; closed: StoredConversation | null } | null {
  const message = draft.messages.find((m) => m.id === messageId);
  if (!message || message.direction !== 'outbound' || message.status === 'received' || message.status === 'note') return null;
  const status = nextStatus(message.status, 'failed');
  if (status !== 'failed') return null;
  message.status = status;
  message.errorCode = errorCode;
  message.twilioSid ??= fakeMessageSid(message.id);
  const conversation = closesReplyWindow(errorCode) ? draft.conversations.find((c) => c.id === message.conversationId) : undefined;
  if (!conversation) return { message, closed: null };
  const latest = conversation.windowClosedByTwilioAt ?? null;
  if (latest === null || latest < message.createdAt) conversation.windowClosedByTwilioAt = message.createdAt;
  return { message, closed: conversation };
}
