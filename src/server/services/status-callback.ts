import { and, eq } from 'drizzle-orm';
import { isFailure, isOutboundStatus, nextStatus } from '@/domain/message-status';
import type { ServerContext } from '../context';
import { conversations, messages } from '../db/schema';
import type { StatusParams } from '../twilio/webhook-params';
import { audienceOf, conversationView, messageView } from './conversation-views';
import { keepEarlyCallback, lockMessageSid } from './early-status-callbacks';
import { noteWindowRefusal } from './window-refusal';

/** "kept": no message has the sid yet; the outbox applies the report when it stores the sid. */
export type StatusOutcome = 'applied' | 'unchanged' | 'kept';

/**
 * Applies Twilio's delivery status to the account's message with that MessageSid. The row
 * is locked while the next status is decided, so two callbacks arriving at once cannot move
 * it backwards. Twilio can report before the outbox has stored the sid it answered with, so
 * a report for an unknown MessageSid is kept for the outbox to apply (a day at most).
 */
export async function applyStatusCallback(context: Pick<ServerContext, 'db' | 'now' | 'events'>, accountId: string, callback: StatusParams): Promise<StatusOutcome> {
  const incoming = callback.status;
  if (incoming === null) return 'unchanged';
  const outcome = await context.db.transaction(async (tx) => {
    await lockMessageSid(tx, callback.messageSid);
    const [found] = await tx
      .select({ id: messages.id, status: messages.status, direction: messages.direction, conversationId: messages.conversationId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(eq(messages.twilioSid, callback.messageSid), eq(conversations.accountId, accountId)))
      .for('update', { of: messages });
    if (!found) {
      await keepEarlyCallback(tx, { accountId, sid: callback.messageSid, status: incoming, errorCode: callback.errorCode }, context.now());
      return { kind: 'kept' as const };
    }
    if (found.direction !== 'outbound' || !isOutboundStatus(found.status)) return { kind: 'unchanged' as const };
    const next = nextStatus(found.status, incoming);
    if (next === found.status) return { kind: 'unchanged' as const };
    await tx
      .update(messages)
      .set({
        status: next,
        // The error belongs to the failure it came with; a stale failure report was not applied.
        errorCode: isFailure(next) ? callback.errorCode : null,
        statusUpdatedAt: context.now().toISOString(),
      })
      .where(eq(messages.id, found.id));
    const windowClosed = isFailure(next) && (await noteWindowRefusal(tx, found.id, callback.errorCode));
    return { kind: 'applied' as const, messageId: found.id, conversationId: found.conversationId, windowClosed };
  });
  if (outcome.kind !== 'applied') return outcome.kind;

  try {
    const [message, conversation] = await Promise.all([messageView(context.db, outcome.messageId), conversationView(context.db, outcome.conversationId)]);
    if (message && conversation) {
      await context.events.publish({ event: { type: 'message', message }, audience: audienceOf(conversation) });
      // The composer turns to templates at once.
      if (outcome.windowClosed) await context.events.publish({ event: { type: 'conversation', conversation }, audience: audienceOf(conversation) });
    }
  } catch {
    // The status is stored; the agent view shows it on its next load.
  }
  return 'applied';
}
