import { eq, sql } from 'drizzle-orm';
import { closesReplyWindow } from '@/domain/twilio-errors';
import type { Queryable } from '../db/database';
import { conversations, messages } from '../db/schema';

/**
 * Twilio refused an outbound message as outside the 24-hour window (63016): its answer wins
 * over our clock, so the conversation keeps when that message went. The window counts as closed
 * until the customer writes after it (src/domain/conversation-window.ts), so the next free-form
 * reply is refused here rather than at Twilio. Answers whether the window was marked closed.
 */
export async function noteWindowRefusal(tx: Queryable, messageId: string, errorCode: string | null): Promise<boolean> {
  if (!closesReplyWindow(errorCode)) return false;
  const [message] = await tx.select({ conversationId: messages.conversationId, createdAt: messages.createdAt }).from(messages).where(eq(messages.id, messageId));
  if (!message) return false;
  await tx
    .update(conversations)
    .set({ windowClosedByTwilioAt: sql`greatest(${conversations.windowClosedByTwilioAt}, ${message.createdAt}::timestamptz)` })
    .where(eq(conversations.id, message.conversationId));
  return true;
}
