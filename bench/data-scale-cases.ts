import { sql, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ConversationPage, MessagePage } from '@/api/contract/conversation';
import type { SessionUser } from '@/api/contract/session';
import type { Database } from '../src/server/db/database';
import { memberQueueIds } from '../src/server/services/conversation-views';
import { getAs } from './data-scale-api';

export type ViewerName = 'admin' | 'agent';

/** One request whose latency is measured: a list page or a messages page. */
export interface QueryCase {
  name: string;
  viewer: ViewerName;
  url: string;
}

export interface ScaleFixture {
  viewers: Record<ViewerName, SessionUser>;
  /** The busiest queue the agent is a member of. */
  queueId: string;
  /** A conversation of that queue with hundreds of messages, not assigned to the agent. */
  heavyConversationId: string;
  heavyMessageCount: number;
}

/** How deep the "deep page" is: this many pages of the largest size, then a page of the default size. */
const DEEP_WALK_PAGES = 10;
const DEEP_WALK_LIMIT = 200;
/** The older messages page: this many pages back from the newest. */
const OLDER_MESSAGE_PAGES = 4;

/** Rows of a bench-only query, whichever driver is under drizzle (both answer with `rows`). */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function userByEmail(db: Database, email: string): Promise<SessionUser> {
  const [user] = await rowsOf<SessionUser>(db, sql`select id, name, email, role from users where email = ${email}`);
  if (!user) throw new Error(`no seeded user ${email}`);
  return user;
}

export async function findFixture(db: Database): Promise<ScaleFixture> {
  const admin = await userByEmail(db, 'person1@example.test');
  const agent = await userByEmail(db, 'person50@example.test');
  const memberOf = await memberQueueIds(db, agent.email);
  const [busiest] = await rowsOf<{ queue_id: string }>(
    db,
    sql`select queue_id from conversations where queue_id in (${sql.join(memberOf.map((id) => sql`${id}::uuid`), sql`, `)})
        group by queue_id order by count(*) desc limit 1`,
  );
  const queueId = busiest!.queue_id;
  const [heavy] = await rowsOf<{ id: string; count: string | number }>(
    db,
    sql`select m.conversation_id as id, count(*) as count from messages m join conversations c on c.id = m.conversation_id
        where c.queue_id = ${queueId} and c.assignee_id is distinct from ${agent.id}::uuid and c.seq % 100 = 0
        group by m.conversation_id order by count(*) desc limit 1`,
  );
  return { viewers: { admin, agent }, queueId, heavyConversationId: heavy!.id, heavyMessageCount: Number(heavy!.count) };
}

function listFilters(fixture: ScaleFixture): [string, string][] {
  return [
    ['no filter', ''],
    ['queue', `queueId=${fixture.queueId}`],
    ['status open', 'status=open'],
    ['assigned to me', 'assignedToMe=true'],
    ['waiting for reply', 'waitingForReply=true'],
  ];
}

const withQuery = (path: string, ...parts: string[]) => {
  const query = parts.filter((part) => part !== '').join('&');
  return query ? `${path}?${query}` : path;
};

/** Follows the list's cursors as a scrolling user would, to a cursor deep in the list; null when the list is short. */
async function deepCursor(app: FastifyInstance, viewer: ViewerName, filter: string): Promise<{ cursor: string; depth: number } | null> {
  let cursor: string | null = null;
  let depth = 0;
  for (let page = 0; page < DEEP_WALK_PAGES; page++) {
    const url = withQuery('/api/conversations', filter, `limit=${DEEP_WALK_LIMIT}`, cursor ? `cursor=${cursor}` : '');
    const body = JSON.parse(await getAs(app, viewer, url)) as ConversationPage;
    if (!body.nextCursor) break;
    cursor = body.nextCursor;
    depth += body.items.length;
  }
  return cursor ? { cursor, depth } : null;
}

async function olderMessagesCursor(app: FastifyInstance, conversationId: string): Promise<string | null> {
  let before: string | null = null;
  for (let page = 0; page < OLDER_MESSAGE_PAGES; page++) {
    const url = withQuery(`/api/conversations/${conversationId}/messages`, before ? `before=${before}` : '');
    const body = JSON.parse(await getAs(app, 'agent', url)) as MessagePage;
    if (!body.previousCursor) break;
    before = body.previousCursor;
  }
  return before;
}

/** Every list filter as admin and as agent, first page and (when `deep`) deep page; the messages pages of a long conversation. */
export async function queryCases(app: FastifyInstance, fixture: ScaleFixture, deep = true): Promise<QueryCase[]> {
  const cases: QueryCase[] = [];
  for (const viewer of ['admin', 'agent'] as const) {
    for (const [label, filter] of listFilters(fixture)) {
      cases.push({ name: `list ${label}, ${viewer}, first page`, viewer, url: withQuery('/api/conversations', filter) });
      const deepPage = deep ? await deepCursor(app, viewer, filter) : null;
      if (deepPage) {
        const url = withQuery('/api/conversations', filter, `cursor=${deepPage.cursor}`);
        cases.push({ name: `list ${label}, ${viewer}, page after ${deepPage.depth}`, viewer, url });
      }
    }
  }
  const messagesUrl = `/api/conversations/${fixture.heavyConversationId}/messages`;
  const messages = `messages of a ${fixture.heavyMessageCount}-message conversation, agent`;
  cases.push({ name: `${messages}, newest page`, viewer: 'agent', url: messagesUrl });
  const older = deep ? await olderMessagesCursor(app, fixture.heavyConversationId) : null;
  if (older) cases.push({ name: `${messages}, ${OLDER_MESSAGE_PAGES} pages back`, viewer: 'agent', url: withQuery(messagesUrl, `before=${older}`) });
  return cases;
}
