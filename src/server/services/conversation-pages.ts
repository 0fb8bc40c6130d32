import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { CONVERSATION_PAGE_SIZE, MESSAGE_PAGE_SIZE, type Conversation, type ConversationPage, type conversationQuerySchema, type MessagePage } from '@/api/contract/conversation';
import { problemDetails } from '@/api/contract/problem-bodies';
import { conversations, messages } from '../db/schema';
import type { Queryable } from '../db/database';
import { conversationQuery, fromSelected, memberQueueIds, messagesWithMedia, visibleConversation, type Viewer } from './conversation-views';
import { refuse } from './refused';

type ConversationQuery = z.output<typeof conversationQuerySchema>;

const badCursor = () => refuse.badRequest(problemDetails.unknownCursor);

/*
 * Cursors: the last conversation's position in the list (its last message time as the
 * database wrote it, and its insertion order), and the oldest message's insertion order.
 */
/** A timestamp as PostgreSQL writes it, to the microsecond (an ISO string would round it to milliseconds). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;
const encodeConversationCursor = (at: string, seq: number) => Buffer.from(JSON.stringify([at, seq]), 'utf8').toString('base64url');
function decodeConversationCursor(cursor: string): { at: string; seq: number } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, seq] = value as unknown[];
    if (typeof at !== 'string' || !TIMESTAMP.test(at) || !Number.isSafeInteger(seq) || (seq as number) < 0) return null;
    return { at, seq: seq as number };
  } catch {
    return null;
  }
}
const encodeMessageCursor = (seq: number) => Buffer.from(`msg:${seq}`, 'utf8').toString('base64url');
function decodeMessageCursor(cursor: string): number | null {
  const match = /^msg:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

function databaseCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = (cause ?? (error as { code?: unknown })).code;
  return typeof code === 'string' ? code : undefined;
}

/** What an agent may see: conversations of queues they are a member of, and those assigned to them. */
async function visibilityCondition(db: Queryable, viewer: Viewer): Promise<SQL | undefined> {
  if (viewer.role === 'admin') return undefined;
  const queueIds = await memberQueueIds(db, viewer.id);
  const mine = eq(conversations.assigneeId, viewer.id);
  return queueIds.length > 0 ? or(mine, inArray(conversations.queueId, queueIds)) : mine;
}

/** One page of the conversations the viewer may see, newest activity first. */
export async function listConversations(db: Queryable, viewer: Viewer, query: ConversationQuery, now: Date = new Date()): Promise<ConversationPage> {
  const limit = query.limit ?? CONVERSATION_PAGE_SIZE;

  const conditions: (SQL | undefined)[] = [await visibilityCondition(db, viewer)];
  if (query.queueId) conditions.push(eq(conversations.queueId, query.queueId.toLowerCase()));
  if (query.status) conditions.push(eq(conversations.status, query.status));
  if (query.assignedToMe === 'true') conditions.push(eq(conversations.assigneeId, viewer.id));
  if (query.waitingForReply !== undefined) conditions.push(eq(conversations.waitingForReply, query.waitingForReply === 'true'));
  if (query.cursor !== undefined) {
    const cursor = decodeConversationCursor(query.cursor);
    if (!cursor) throw badCursor();
    conditions.push(sql`(${conversations.lastMessageAt}, ${conversations.seq}) < (${cursor.at}::timestamptz, ${cursor.seq})`);
  }

  const rows = await conversationQuery(db)
    .where(and(...conditions))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.seq))
    .limit(limit + 1)
    .catch((error: unknown) => {
      // A made-up cursor whose date does not exist ("2026-02-30"): PostgreSQL's data exception class.
      if (query.cursor !== undefined && /^22/.test(databaseCode(error) ?? '')) throw badCursor();
      throw error;
    });
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.conversation;
  return {
    items: page.map((row) => fromSelected(row, now)),
    nextCursor: rows.length > limit && last ? encodeConversationCursor(last.lastMessageAt, last.seq) : null,
  };
}

/** A conversation the viewer may see; any other is refused as not found. */
export async function getConversation(db: Queryable, viewer: Viewer, id: string, now: Date = new Date()): Promise<Conversation> {
  const conversation = await visibleConversation(db, viewer, id, now);
  if (!conversation) throw refuse.notFound('conversation');
  return conversation;
}

/** One page of a conversation's messages, oldest first, before the cursor. */
export async function listMessages(db: Queryable, conversationId: string, before: string | undefined): Promise<MessagePage> {
  const conditions: SQL[] = [eq(messages.conversationId, conversationId)];
  if (before !== undefined) {
    const seq = decodeMessageCursor(before);
    if (seq === null) throw badCursor();
    conditions.push(lt(messages.seq, seq));
  }
  const newestFirst = await db
    .select()
    .from(messages)
    .where(and(...conditions))
    .orderBy(desc(messages.seq))
    .limit(MESSAGE_PAGE_SIZE + 1);
  const page = newestFirst.slice(0, MESSAGE_PAGE_SIZE).reverse();
  const oldest = page[0];
  return {
    items: await messagesWithMedia(db, page),
    previousCursor: newestFirst.length > MESSAGE_PAGE_SIZE && oldest ? encodeMessageCursor(oldest.seq) : null,
  };
}
