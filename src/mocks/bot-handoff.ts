import type { BotHandoff, HandoffReason } from '@/domain/bot/bot-protocol';
import { handoffDetail, handoffVariables, ignoredVariablesDetail } from '@/domain/bot/handoff-variables';
import { isOpenAt } from '@/domain/operating-hours';
import { routeConversation } from '@/domain/routing-rules';
import type { MockData, StoredConversation, StoredMessage } from './db';
import { announceOutOfHours, noteMessage } from './system-messages';

/** The queue a bot named, by id or by name (without regard to case). */
function namedQueue(draft: MockData, named: string | undefined) {
  if (named === undefined) return undefined;
  const key = named.trim().toLocaleLowerCase();
  return draft.queues.find((q) => q.id === key) ?? draft.queues.find((q) => q.name.trim().toLocaleLowerCase() === key);
}

function firstCustomerMessage(draft: MockData, conversationId: string): string {
  return draft.messages.find((m) => m.conversationId === conversationId && m.direction === 'inbound')?.body ?? '';
}

/**
 * The conversation leaves the bot for agents, as the server hands over: the variables kept, the
 * queue the bot named or else the one the routing rules choose now (with the variables) or the
 * fallback, a note saying why, and the out-of-hours message if that queue is closed. Answers
 * what was written; the caller publishes and runs the assignment pass.
 */
export function handOverFromBot(
  draft: MockData,
  conversation: StoredConversation,
  reason: HandoffReason,
  detail: string | null,
  now: Date,
  handoff: BotHandoff = {},
): StoredMessage[] {
  if (!conversation.bot?.active) return [];
  const workstream = draft.workstreams.find((w) => w.id === conversation.workstreamId);
  const { values, ignored } = handoffVariables(workstream?.advanced.contextVariables ?? [], handoff.variables);
  conversation.contextVariables = { ...conversation.contextVariables, ...values };

  const named = namedQueue(draft, handoff.queue);
  const unknownQueue = handoff.queue !== undefined && !named ? `no queue "${handoff.queue}": routed by the rules` : null;
  const routed = named || !workstream
    ? null
    : routeConversation(workstream.routing.rules, workstream.fallbackQueueId, {
        customerPhone: conversation.customer.phone,
        firstMessage: firstCustomerMessage(draft, conversation.id),
        contextVariables: conversation.contextVariables,
      });
  conversation.queueId = named?.id ?? routed?.queueId ?? conversation.queueId;
  conversation.requiredSkills = named ? [] : (routed?.rule?.requiredSkills ?? []);
  conversation.queuedAt = now.toISOString();
  // No agent has answered the customer yet: the bot's messages do not count.
  conversation.waitingForReply = true;

  const fullDetail = handoffDetail([detail, unknownQueue, ignoredVariablesDetail(ignored)]);
  conversation.bot = { ...conversation.bot, active: false, handoff: { reason, detail: fullDetail, at: now.toISOString() } };
  conversation.version += 1;

  const queue = draft.queues.find((q) => q.id === conversation.queueId);
  const note = noteMessage(
    conversation.id,
    'botHandedOver',
    { bot: conversation.bot.name, queue: queue?.name ?? '', reason, detail: fullDetail ?? '' },
    now.toISOString(),
  );
  draft.messages.push(note);
  const written = [note];
  // As on arrival: the customer learns once why nobody answers yet.
  if (queue && !conversation.outOfHoursNotified && !isOpenAt(queue.operatingHours, now)) {
    const outOfHours = announceOutOfHours(draft, conversation, queue.name, now);
    conversation.outOfHoursNotified = true;
    if (outOfHours) written.push(outOfHours);
  }
  return written;
}
