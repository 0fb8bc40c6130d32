import { problemDetails } from '@/api/contract/problem-bodies';
import { and, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CONVERSATION_PAGE_SIZE, conversationQuerySchema, MESSAGE_PAGE_SIZE, type ConversationPage, type MessagePage } from '@/api/contract/conversation';
import { strictInputErrors } from '@/api/contract/fields';
import type { ServerContext } from '../context';
import { conversations, messages } from '../db/schema';
import { pathId } from '../http/input';
import { problems } from '../http/problem';
import { conversationQuery, fromSelected, memberQueueIds, messagesWithMedia, visibleConversation, type Viewer } from '../services/conversation-views';

/** GET /api/conversations/:id/messages query string. */
const messageQuerySchema = z.strictObject({ before: z.string().max(200, { error: 'field.invalid' }).optional() }, strictInputErrors);

const badCursor = () => problems.badRequest(problemDetails.unknownCursor);

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
async function visibilityCondition(context: ServerContext, viewer: Viewer): Promise<SQL | undefined> {
  if (viewer.role === 'admin') return undefined;
  const queueIds = await memberQueueIds(context.db, viewer.email);
  const mine = eq(conversations.assigneeId, viewer.id);
  return queueIds.length > 0 ? or(mine, inArray(conversations.queueId, queueIds)) : mine;
}

export function conversationRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  const signedIn = { config: { access: 'signedIn' as const } };
  const viewerOf = (request: { session: { user: Viewer } | null }): Viewer => request.session!.user;

  return async (app) => {
    app.get('/conversations', signedIn, async (request): Promise<ConversationPage> => {
      const parsed = conversationQuerySchema.safeParse(request.query);
      if (!parsed.success) throw problems.zod(parsed.error);
      const query = parsed.data;
      const viewer = viewerOf(request);
      const limit = query.limit ?? CONVERSATION_PAGE_SIZE;

      const conditions: (SQL | undefined)[] = [await visibilityCondition(context, viewer)];
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
        items: page.map(fromSelected),
        nextCursor: rows.length > limit && last ? encodeConversationCursor(last.lastMessageAt, last.seq) : null,
      };
    });

    app.get('/conversations/:id', signedIn, async (request) => {
      const conversation = await visibleConversation(db, viewerOf(request), pathId(request.params, 'id', 'conversation'));
      if (!conversation) throw problems.notFound('conversation');
      return conversation;
    });

    app.get('/conversations/:id/messages', signedIn, async (request): Promise<MessagePage> => {
      const conversation = await visibleConversation(db, viewerOf(request), pathId(request.params, 'id', 'conversation'));
      if (!conversation) throw problems.notFound('conversation');
      const parsed = messageQuerySchema.safeParse(request.query);
      if (!parsed.success) throw problems.zod(parsed.error);
      const conditions: SQL[] = [eq(messages.conversationId, conversation.id)];
      if (parsed.data.before !== undefined) {
        const seq = decodeMessageCursor(parsed.data.before);
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
    });
  };
}
