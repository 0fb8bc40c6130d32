import { asc, eq, inArray } from 'drizzle-orm';
import type { Conversation, Message, MessageMedia } from '@/api/contract/conversation';
import { waitReasonOf } from '@/domain/work-distribution/assignment';
import type { Queryable } from '../db/database';
import { conversations, messageMedia, messages, queueMembers, queues, users, workstreams } from '../db/schema';
import { iso, isoOrNull } from '../db/timestamps';
import { distributionRulesOf, routingQueueOf } from './routing-state';

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;
export type MediaRow = typeof messageMedia.$inferSelect;

/** What a conversation's view needs besides its own row. */
export interface ConversationJoins {
  workstream: Pick<typeof workstreams.$inferSelect, 'id' | 'name' | 'distributionMode' | 'settings' | 'whatsapp'> | null;
  queueName: string | null;
  queueHours: (typeof queues.$inferSelect)['operatingHours'];
  assigneeName: string | null;
}

/** Why an open, unassigned conversation waits (its queue closed, pick mode, nobody with room); null otherwise. */
function waitReasonFor(row: ConversationRow, joins: ConversationJoins, now: Date): Conversation['waitReason'] {
  if (row.status !== 'open' || row.assigneeId !== null) return null;
  if (row.botActive) return 'bot';
  const queue = row.queueId === null ? undefined : routingQueueOf({ id: row.queueId, priority: 10, operatingHours: joins.queueHours });
  // Without a workstream nobody assigns it: it waits to be picked, as its view says.
  if (!joins.workstream) return waitReasonOf(queue, undefined, now) === 'outOfHours' ? 'outOfHours' : 'pick';
  return waitReasonOf(queue, distributionRulesOf(joins.workstream), now);
}

/** The bot's part of a conversation that went to one; its hand-off time as the API writes times. */
function botPartOf(row: ConversationRow): Conversation['bot'] {
  if (row.botName === null) return null;
  const handoff = row.botHandoff ? { ...row.botHandoff, at: iso(row.botHandoff.at) } : null;
  return { name: row.botName, active: row.botActive, turns: row.botTurns, handoff };
}

/**
 * Without a workstream (its number was never set up, or the setup was removed) customers'
 * attachments are kept, and agents may not send any: nobody allowed it.
 */
const NO_SETUP_ATTACHMENTS = { customersCanSend: true, agentsCanSend: false };

export function toConversation(row: ConversationRow, joins: ConversationJoins, now: Date = new Date()): Conversation {
  return {
    id: row.id,
    accountId: row.accountId,
    businessNumber: row.businessNumber,
    workstreamId: row.workstreamId,
    workstreamName: joins.workstream?.name ?? null,
    queueId: row.queueId,
    queueName: joins.queueName,
    distributionMode: joins.workstream?.distributionMode ?? 'pick',
    customer: { waId: row.customerWaId, phone: row.customerPhone, profileName: row.profileName },
    language: row.language,
    status: row.status,
    assigneeId: row.assigneeId,
    assigneeName: joins.assigneeName,
    lastInboundAt: isoOrNull(row.lastInboundAt),
    windowClosedByTwilioAt: isoOrNull(row.windowClosedByTwilioAt),
    lastMessageAt: iso(row.lastMessageAt),
    lastMessagePreview: row.lastMessagePreview,
    waitingForReply: row.waitingForReply,
    queuedAt: iso(row.queuedAt),
    waitReason: waitReasonFor(row, joins, now),
    attachments: joins.workstream?.whatsapp?.attachments ?? NO_SETUP_ATTACHMENTS,
    contextVariables: row.contextVariables,
    bot: botPartOf(row),
    createdAt: iso(row.createdAt),
    closedAt: isoOrNull(row.closedAt),
    version: row.version,
  };
}

/** The select list and joins of conversationViews, for queries that filter and page themselves. */
export const conversationSelection = {
  conversation: conversations,
  workstream: { id: workstreams.id, name: workstreams.name, distributionMode: workstreams.distributionMode, settings: workstreams.settings, whatsapp: workstreams.whatsapp },
  queueName: queues.name,
  queueHours: queues.operatingHours,
  assigneeName: users.name,
};

type SelectedConversation = {
  conversation: ConversationRow;
  workstream: ConversationJoins['workstream'];
  queueName: string | null;
  queueHours: ConversationJoins['queueHours'];
  assigneeName: string | null;
};

export function conversationQuery(db: Queryable) {
  return db
    .select(conversationSelection)
    .from(conversations)
    .leftJoin(workstreams, eq(workstreams.id, conversations.workstreamId))
    .leftJoin(queues, eq(queues.id, conversations.queueId))
    .leftJoin(users, eq(users.id, conversations.assigneeId));
}

export function fromSelected(selected: SelectedConversation, now: Date = new Date()): Conversation {
  return toConversation(selected.conversation, selected, now);
}

/** Conversations by id as the API shows them, in the order of `ids`; `now` decides why unassigned ones wait. */
export async function conversationViews(db: Queryable, ids: string[], now: Date = new Date()): Promise<Conversation[]> {
  if (ids.length === 0) return [];
  const rows = await conversationQuery(db).where(inArray(conversations.id, ids));
  const byId = new Map(rows.map((row) => [row.conversation.id, fromSelected(row, now)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One conversation as the API shows it, or undefined. */
export async function conversationView(db: Queryable, id: string, now: Date = new Date()): Promise<Conversation | undefined> {
  return (await conversationViews(db, [id], now))[0];
}

export function toMessageMedia(row: Pick<MediaRow, 'id' | 'contentType' | 'filename' | 'size'>): MessageMedia {
  return { id: row.id, contentType: row.contentType, url: `/api/media/${row.id}`, filename: row.filename, size: row.size };
}

export function toMessage(row: MessageRow, media: MediaRow[]): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    direction: row.direction,
    author: row.author,
    authorName: row.authorName,
    body: row.body,
    template: row.template ?? null,
    media: media.filter((m) => m.messageId === row.id).sort((a, b) => a.position - b.position).map(toMessageMedia),
    status: row.status as Message['status'],
    errorCode: row.errorCode,
    note: row.note ?? null,
    twilioSid: row.twilioSid,
    createdAt: iso(row.createdAt),
  };
}

/** Messages as the API shows them, with their media, in the order of the rows given. */
export async function messagesWithMedia(db: Queryable, rows: MessageRow[]): Promise<Message[]> {
  if (rows.length === 0) return [];
  const media = await db
    .select()
    .from(messageMedia)
    .where(inArray(messageMedia.messageId, rows.map((row) => row.id)))
    .orderBy(asc(messageMedia.position));
  return rows.map((row) => toMessage(row, media));
}

/** Messages by id as the API shows them, oldest first. */
export async function messageViews(db: Queryable, ids: string[]): Promise<Message[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(messages).where(inArray(messages.id, ids)).orderBy(asc(messages.seq));
  return messagesWithMedia(db, rows);
}

/** One message as the API shows it, or undefined. */
export async function messageView(db: Queryable, id: string): Promise<Message | undefined> {
  return (await messageViews(db, [id]))[0];
}

/** The person a conversation is shown to: administrators see all, agents their queues' and their own. */
export interface Viewer {
  id: string;
  email: string;
  role: 'admin' | 'agent';
}

/** The queues this person is a member of. */
export async function memberQueueIds(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.select({ id: queueMembers.queueId }).from(queueMembers).where(eq(queueMembers.userId, userId));
  return rows.map((row) => row.id);
}

/** Whether a person may see a conversation in this queue with this assignee. */
export function canSee(viewer: Viewer, memberOf: readonly string[], conversation: { queueId: string | null; assigneeId: string | null }): boolean {
  if (viewer.role === 'admin') return true;
  if (conversation.assigneeId === viewer.id) return true;
  return conversation.queueId !== null && memberOf.includes(conversation.queueId);
}

/** A conversation the viewer may see, or undefined (not found and not allowed look the same). */
export async function visibleConversation(db: Queryable, viewer: Viewer, id: string, now: Date = new Date()): Promise<Conversation | undefined> {
  const conversation = await conversationView(db, id, now);
  if (!conversation) return undefined;
  if (viewer.role === 'admin' || conversation.assigneeId === viewer.id) return conversation;
  return canSee(viewer, await memberQueueIds(db, viewer.id), conversation) ? conversation : undefined;
}

/** The audience of a conversation's live events (src/server/events/event-bus.ts). */
export function audienceOf(conversation: { queueId: string | null; assigneeId: string | null }) {
  return { queueId: conversation.queueId, assigneeId: conversation.assigneeId };
}

/** A conversation's row locked for an update in this transaction, or undefined. */
export async function lockConversation(tx: Queryable, id: string): Promise<ConversationRow | undefined> {
  const [row] = await tx.select().from(conversations).where(eq(conversations.id, id)).for('update');
  return row;
}
