import { messagePreview } from '@/domain/message-preview';
import { and, asc, eq } from 'drizzle-orm';
import type { BotAnswer, BotMessage } from '@/domain/bot/bot-protocol';
import { renderTemplate, variableCount } from '@/domain/template-variables';
import type { Queryable } from '../db/database';
import { botDeliveries, conversations, messages, messageTemplates, outbox, queues, workstreams, type SentTemplate } from '../db/schema';
import type { BotOutcome } from './bot-answer';
import { handOverFromBot } from './bot-handoff';
import { writeNote } from './conversation-notes';
import { lockConversation, type ConversationRow } from './conversation-views';

export interface SettledTurn {
  conversationId: string;
  /** Who saw it before a hand-off moved it (its queue then): they hear that it left. */
  before: { queueId: string | null; assigneeId: string | null };
  messageIds: string[];
  queuedOutbound: boolean;
  handedOver: boolean;
}

type Prepared = { body: string; template: SentTemplate | null };

/**
 * A template the bot names: the account's approved one in the conversation's language, else in
 * the first language it was made in; else why it cannot go (none approved, or its variables do not fit).
 */
async function templateMessage(tx: Queryable, conversation: ConversationRow, wanted: { name: string; variables?: string[] }): Promise<Prepared | string> {
  const candidates = await tx
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.accountId, conversation.accountId), eq(messageTemplates.name, wanted.name), eq(messageTemplates.status, 'approved')))
    .orderBy(asc(messageTemplates.createdAt));
  const sendable = candidates.filter((template) => template.contentSid !== null);
  const template = sendable.find((t) => t.language === conversation.language) ?? sendable[0];
  if (!template) return `no approved template "${wanted.name}"`;
  const variables = wanted.variables ?? [];
  if (variables.length !== variableCount(template.body)) return `template "${wanted.name}" takes ${variableCount(template.body)} variable(s)`;
  return { body: renderTemplate(template.body, variables), template: { templateId: template.id, name: template.name, contentSid: template.contentSid, variables } };
}

/** The bot's messages ready to send, or why one cannot go. */
async function prepareAll(tx: Queryable, conversation: ConversationRow, wanted: readonly BotMessage[]): Promise<Prepared[] | string> {
  const prepared: Prepared[] = [];
  for (const message of wanted) {
    if ('text' in message) prepared.push({ body: message.text, template: null });
    else {
      const template = await templateMessage(tx, conversation, message.template);
      if (typeof template === 'string') return template;
      prepared.push(template);
    }
  }
  return prepared;
}

async function queueBotMessages(tx: Queryable, conversation: ConversationRow, prepared: readonly Prepared[], now: Date): Promise<string[]> {
  const at = now.toISOString();
  const ids: string[] = [];
  for (const message of prepared) {
    const [row] = await tx
      .insert(messages)
      .values({ conversationId: conversation.id, direction: 'outbound', author: 'bot', authorName: conversation.botName, body: message.body, template: message.template, status: 'pending', createdAt: at, statusUpdatedAt: at })
      .returning({ id: messages.id });
    await tx.insert(outbox).values({ messageId: row!.id, nextAttemptAt: at, createdAt: at });
    ids.push(row!.id);
  }
  const last = prepared.at(-1);
  await tx
    .update(conversations)
    .set({
      botTurns: conversation.botTurns + 1,
      ...(last ? { lastMessageAt: at, lastMessagePreview: messagePreview(last.body, false), waitingForReply: false } : {}),
      version: conversation.version + 1,
    })
    .where(eq(conversations.id, conversation.id));
  return ids;
}

async function workstreamOf(tx: Queryable, conversation: ConversationRow) {
  if (conversation.workstreamId === null) return undefined;
  const [row] = await tx.select().from(workstreams).where(eq(workstreams.id, conversation.workstreamId));
  return row;
}

async function leaveWithoutWorkstream(tx: Queryable, conversation: ConversationRow, now: Date): Promise<string[]> {
  const detail = 'the workstream was deleted';
  await tx
    .update(conversations)
    .set({ botActive: false, botHandoff: { reason: 'botRemoved', detail, at: now.toISOString() }, waitingForReply: true, queuedAt: now.toISOString(), version: conversation.version + 1 })
    .where(eq(conversations.id, conversation.id));
  await tx.delete(botDeliveries).where(eq(botDeliveries.conversationId, conversation.id));
  const [queue] = conversation.queueId === null ? [] : await tx.select({ name: queues.name }).from(queues).where(eq(queues.id, conversation.queueId));
  return [await writeNote(tx, conversation.id, 'botHandedOver', { bot: conversation.botName ?? '', queue: queue?.name ?? '', reason: 'botRemoved', detail }, now)];
}

/**
 * Settles one delivery in one transaction: the bot's messages to the outbox, its turn counted,
 * the delivery gone, and a hand-off when the bot asked for one or failed. A delivery settled
 * meanwhile (by an instance whose lease ran out) changes nothing; one whose conversation left the
 * bot is only dropped. Null when there was nothing to do.
 */
export async function settleTurn(tx: Queryable, delivery: { id: string; conversationId: string }, outcome: BotOutcome, now: Date): Promise<SettledTurn | null> {
  const conversation = await lockConversation(tx, delivery.conversationId);
  const [still] = await tx.select({ id: botDeliveries.id }).from(botDeliveries).where(eq(botDeliveries.id, delivery.id)).for('update');
  if (!still || !conversation) return null;
  const workstream = await workstreamOf(tx, conversation);
  if (conversation.status !== 'open' || !conversation.botActive) {
    await tx.delete(botDeliveries).where(eq(botDeliveries.id, delivery.id));
    return null;
  }
  const before = { queueId: conversation.queueId, assigneeId: conversation.assigneeId };
  if (!workstream) {
    // Deleting a workstream hands its bot's conversations over; one that slipped through goes now, where it is.
    const messageIds = await leaveWithoutWorkstream(tx, conversation, now);
    return { conversationId: conversation.id, before, messageIds, queuedOutbound: false, handedOver: true };
  }
  const settled: SettledTurn = { conversationId: conversation.id, before, messageIds: [], queuedOutbound: false, handedOver: false };
  let handoff: Parameters<typeof handOverFromBot>[3] | null = outcome.kind === 'failed' ? { reason: outcome.reason, detail: outcome.detail } : null;
  if (outcome.kind === 'answer') {
    const answer: BotAnswer = outcome.answer;
    const prepared = await prepareAll(tx, conversation, answer.messages ?? []);
    if (typeof prepared === 'string') handoff = { reason: 'malformed', detail: prepared };
    else {
      settled.messageIds = await queueBotMessages(tx, conversation, prepared, now);
      settled.queuedOutbound = prepared.length > 0;
      if (answer.handoff) handoff = { reason: 'requested', detail: answer.handoff.reason ?? null, queue: answer.handoff.queue, variables: answer.handoff.variables };
    }
  }
  await tx.delete(botDeliveries).where(eq(botDeliveries.id, delivery.id));
  if (handoff) {
    const current = (await lockConversation(tx, conversation.id))!;
    const handed = await handOverFromBot(tx, current, workstream, handoff, now);
    settled.messageIds.push(...handed.messageIds);
    settled.queuedOutbound ||= handed.queuedOutbound;
    settled.handedOver = true;
  }
  return settled;
}
