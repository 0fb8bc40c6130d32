import { nextStatus, type OutboundStatus } from '@/domain/message-status';
import type { MockData, StoredMessage } from './db';

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
