import { and, asc, eq, sql } from 'drizzle-orm';
import type { HandoffReason } from '@/domain/bot/bot-protocol';
import { handoffDetail, handoffVariables, ignoredVariablesDetail } from '@/domain/bot/handoff-variables';
import { isOpenAt } from '@/domain/operating-hours';
import { routeConversation } from '@/domain/routing-rules';
import type { Skill } from '@/domain/work-distribution/skills';
import type { Queryable } from '../db/database';
import { botDeliveries, conversations, messages, queues, routingRules, type StoredHandoff } from '../db/schema';
import { isUuid } from '../db/uuid';
import { announceOutOfHours, writeNote } from './conversation-notes';
import type { ConversationRow } from './conversation-views';
import type { WorkstreamRow } from './workstream-views';

export interface HandoffRequest {
  reason: HandoffReason;
  /** What went wrong, or the bot's own words when it asked. */
  detail?: string | null;
  /** A queue's id or name, from the bot. */
  queue?: string;
  variables?: Record<string, string | number | boolean>;
}

export interface HandedOver {
  messageIds: string[];
  queuedOutbound: boolean;
}

interface Target {
  queueId: string;
  requiredSkills: Skill[];
  /** Said in the detail: a queue the bot named that does not exist. */
  unknownQueue: string | null;
}

async function namedQueue(tx: Queryable, wanted: string): Promise<string | null> {
  if (isUuid(wanted)) {
    const [byId] = await tx.select({ id: queues.id }).from(queues).where(eq(queues.id, wanted.toLowerCase()));
    if (byId) return byId.id;
  }
  // As queue names are kept unique: trimmed, in lower case.
  const [byName] = await tx.select({ id: queues.id }).from(queues).where(eq(queues.nameKey, wanted.trim().toLocaleLowerCase()));
  return byName?.id ?? null;
}

async function firstCustomerMessage(tx: Queryable, conversationId: string): Promise<string> {
  const [first] = await tx
    .select({ body: messages.body })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.author, 'customer')))
    .orderBy(asc(messages.seq))
    .limit(1);
  return first?.body ?? '';
}

/** The queue the bot named, else where the workstream's rules send it with its context variables, else the fallback queue. */
async function targetOf(tx: Queryable, conversation: ConversationRow, workstream: WorkstreamRow, request: HandoffRequest, variables: Record<string, string>): Promise<Target> {
  if (request.queue !== undefined) {
    const named = await namedQueue(tx, request.queue);
    if (named) return { queueId: named, requiredSkills: [], unknownQueue: null };
  }
  const rules = await tx
    .select({ conditions: routingRules.conditions, queueId: routingRules.queueId, requiredSkills: routingRules.requiredSkills })
    .from(routingRules)
    .where(eq(routingRules.workstreamId, workstream.id))
    .orderBy(asc(routingRules.position));
  const routed = routeConversation(rules, workstream.fallbackQueueId, {
    customerPhone: conversation.customerPhone,
    firstMessage: await firstCustomerMessage(tx, conversation.id),
    contextVariables: variables,
  });
  return { queueId: routed.queueId, requiredSkills: routed.rule?.requiredSkills ?? [], unknownQueue: request.queue ?? null };
}

/**
 * Takes a conversation from its bot to agents, in the caller's transaction with the conversation
 * locked: its context variables, its queue (and the skills of the rule that chose it), the back of
 * that queue's line, the note agents read, and the out-of-hours message as on arrival. Deliveries
 * still waiting for the bot are dropped. Request an assignment pass after the commit.
 */
export async function handOverFromBot(
  tx: Queryable,
  conversation: ConversationRow,
  workstream: WorkstreamRow,
  request: HandoffRequest,
  now: Date,
): Promise<HandedOver> {
  const { values, ignored } = handoffVariables(workstream.settings.advanced.contextVariables, request.variables);
  const contextVariables = { ...conversation.contextVariables, ...values };
  const target = await targetOf(tx, conversation, workstream, request, contextVariables);
  const at = now.toISOString();
  const handoff: StoredHandoff = { reason: request.reason, detail: handoffDetail([request.detail, target.unknownQueue === null ? null : `no queue "${target.unknownQueue}": routed by the rules`, ignoredVariablesDetail(ignored)]), at };
  const [moved] = await tx
    .update(conversations)
    .set({
      botActive: false,
      botHandoff: handoff,
      contextVariables,
      queueId: target.queueId,
      requiredSkills: target.requiredSkills,
      queuedAt: at,
      // No agent has answered the customer yet: the bot's messages do not count.
      waitingForReply: true,
      version: sql`${conversations.version} + 1`,
    })
    .where(eq(conversations.id, conversation.id))
    .returning();
  await tx.delete(botDeliveries).where(eq(botDeliveries.conversationId, conversation.id));

  const [queue] = await tx.select({ name: queues.name, operatingHours: queues.operatingHours }).from(queues).where(eq(queues.id, target.queueId));
  const messageIds = [
    await writeNote(tx, conversation.id, 'botHandedOver', { bot: conversation.botName ?? '', queue: queue?.name ?? '', reason: handoff.reason, detail: handoff.detail ?? '' }, now),
  ];
  let queuedOutbound = false;
  if (queue && !moved!.outOfHoursNotified && !isOpenAt(queue.operatingHours, now)) {
    const written = await announceOutOfHours(tx, moved!, queue.name, now);
    if (written) {
      messageIds.push(written.messageId);
      queuedOutbound = written.queuedOutbound;
      await tx.update(conversations).set({ outOfHoursNotified: true }).where(eq(conversations.id, conversation.id));
    }
  }
  return { messageIds, queuedOutbound };
}
