// @vitest-environment node
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { conversationPageSchema, conversationSchema, MESSAGE_PAGE_SIZE, messagePageSchema, type Conversation, type ConversationPage } from '@/api/contract/conversation';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { conversations, messages } from '../db/schema';
import { createChannel, freshNumber, type Channel } from '../../testing/server/channel-fixture';
import { describeEachDatabase } from '../../testing/server/each-database';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { inboundEntries, postSignedWebhook } from '../../testing/server/twilio-webhooks';

type User = Awaited<ReturnType<typeof signedInUser>>;

describeEachDatabase('conversations API on %s', (kind) => {
  let server: TestServer;
  let admin: User;
  let frontDesk: User;
  let billing: User;
  let unqueued: User;
  let channel: Channel;
  /** Conversation ids by first message. */
  const ids = new Map<string, string>();

  async function inbound(body: string, from = freshNumber()) {
    const path = `/webhooks/twilio/whatsapp/${channel.account.id}`;
    const response = await postSignedWebhook(server, path, inboundEntries({ from, to: channel.number, body }), { authToken: channel.authToken });
    expect(response.status).toBe(200);
    const [row] = await server.context.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.customerPhone, from));
    ids.set(body, row!.id);
    return row!.id;
  }

  async function get(user: User | null, path: string) {
    const response = await (user ? user.fetch : fetch)(`${server.baseUrl}${path}`);
    const body: unknown = await response.json();
    return { status: response.status, contentType: response.headers.get('content-type'), body };
  }

  async function list(user: User, query = ''): Promise<ConversationPage> {
    const response = await get(user, `/api/conversations${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return conversationPageSchema.parse(response.body);
  }

  /** Every page of a listing, following the cursors. */
  async function listAll(user: User, query: string, from: string | null = null): Promise<Conversation[][]> {
    const pages: Conversation[][] = [];
    let cursor: string | null = from;
    do {
      const separator: string = query.includes('?') ? '&' : '?';
      const page: ConversationPage = await list(user, cursor ? `${query}${separator}cursor=${encodeURIComponent(cursor)}` : query);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await signedInUser(server, 'admin');
    frontDesk = await signedInUser(server, 'agent', 'Front Desk');
    billing = await signedInUser(server, 'agent', 'Billing Agent');
    unqueued = await signedInUser(server, 'agent', 'Unqueued');
    channel = await createChannel(server, admin.fetch, {
      members: [frontDesk.id],
      queues: { Billing: [billing.id] },
      rules: [{ conditions: [{ field: 'firstMessage', operator: 'contains', value: 'invoice' }], queue: 'Billing' }],
    });
    // One second apart, oldest first; the last two at the same moment.
    const start = Date.parse('2026-03-01T10:00:00.000Z');
    const bodies = ['front 1', 'front 2', 'invoice 1', 'front 3', 'invoice 2', 'front 4', 'front 5'];
    for (const [i, body] of bodies.entries()) {
      server.setNow(new Date(start + Math.min(i, 5) * 1000));
      await inbound(body);
    }
    server.setNow(null);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('lists every conversation for an administrator, newest first, ties by arrival', async () => {
    const page = await list(admin);
    expect(page.items.map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'invoice 2', 'front 3', 'invoice 1', 'front 2', 'front 1']);
    expect(page.nextCursor).toBeNull();
  });

  it('shows an agent the conversations of the queues they are a member of only', async () => {
    expect((await list(frontDesk)).items.map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'front 3', 'front 2', 'front 1']);
    expect((await list(billing)).items.map((c) => c.lastMessagePreview)).toEqual(['invoice 2', 'invoice 1']);
    expect((await list(unqueued)).items).toEqual([]);
    // Asking for another queue does not widen the view.
    expect((await list(frontDesk, `?queueId=${channel.queues.Billing!.id}`)).items).toEqual([]);
  });

  it('answers 404 for a conversation the agent may not see, exactly as for one that does not exist', async () => {
    const invoice = ids.get('invoice 1')!;
    for (const path of [`/api/conversations/${invoice}`, `/api/conversations/${invoice}/messages`]) {
      const hidden = await get(frontDesk, path);
      const missing = await get(frontDesk, path.replace(invoice, '00000000-0000-4000-8000-000000000000'));
      expect(hidden.status).toBe(404);
      expect(hidden.contentType).toContain(PROBLEM_CONTENT_TYPE);
      expect(hidden.body).toEqual(missing.body);
    }
    expect((await get(billing, `/api/conversations/${invoice}`)).status).toBe(200);
    expect((await get(admin, `/api/conversations/${invoice}`)).status).toBe(200);
    expect((await get(admin, '/api/conversations/not-an-id')).status).toBe(404);
  });

  it('shows a conversation assigned to an agent outside its queue to that agent', async () => {
    const id = await inbound('front assigned');
    await server.context.db.update(conversations).set({ assigneeId: unqueued.id }).where(eq(conversations.id, id));
    const conversation = conversationSchema.parse((await get(unqueued, `/api/conversations/${id}`)).body);
    expect(conversation).toMatchObject({ assigneeId: unqueued.id, assigneeName: 'Unqueued' });
    expect((await list(unqueued)).items.map((c) => c.id)).toEqual([id]);
    expect((await list(unqueued, '?assignedToMe=true')).items.map((c) => c.id)).toEqual([id]);
    expect((await list(frontDesk, '?assignedToMe=true')).items).toEqual([]);
    expect((await list(frontDesk, '?assignedToMe=false')).items.map((c) => c.id)).toContain(id);
    await server.context.db.delete(conversations).where(eq(conversations.id, id));
  });

  it('filters by queue, status and waiting for a reply', async () => {
    const closed = ids.get('front 2')!;
    const answered = ids.get('front 3')!;
    await server.context.db.update(conversations).set({ status: 'closed', closedAt: new Date().toISOString() }).where(eq(conversations.id, closed));
    await server.context.db.update(conversations).set({ waitingForReply: false }).where(eq(conversations.id, answered));
    try {
      expect((await list(admin, `?queueId=${channel.queues.Billing!.id}`)).items.map((c) => c.lastMessagePreview)).toEqual(['invoice 2', 'invoice 1']);
      expect((await list(admin, '?status=closed')).items.map((c) => c.id)).toEqual([closed]);
      expect((await list(admin, `?status=open&queueId=${channel.fallbackQueue.id}`)).items.map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'front 3', 'front 1']);
      expect((await list(frontDesk, '?waitingForReply=false')).items.map((c) => c.id)).toEqual([answered]);
      expect((await list(frontDesk, '?waitingForReply=true&status=open')).items.map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'front 1']);
    } finally {
      await server.context.db.update(conversations).set({ status: 'open', closedAt: null }).where(eq(conversations.id, closed));
      await server.context.db.update(conversations).set({ waitingForReply: true }).where(eq(conversations.id, answered));
    }
  });

  it('pages on the server with a cursor, without gaps or repeats, also when a new message arrives meanwhile', async () => {
    const pages = await listAll(admin, '?limit=2');
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flat().map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'invoice 2', 'front 3', 'invoice 1', 'front 2', 'front 1']);

    const first = await list(admin, '?limit=3');
    const newcomer = await inbound('front newcomer');
    const rest = await listAll(admin, '?limit=3', first.nextCursor);
    expect([...first.items, ...rest.flat()].map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'invoice 2', 'front 3', 'invoice 1', 'front 2', 'front 1']);
    expect((await list(admin, '?limit=1')).items[0]!.id).toBe(newcomer);
    await server.context.db.delete(conversations).where(eq(conversations.id, newcomer));

    expect((await listAll(frontDesk, '?limit=2')).flat().map((c) => c.lastMessagePreview)).toEqual(['front 5', 'front 4', 'front 3', 'front 2', 'front 1']);
  });

  it('answers 400 with problem details to a query it cannot use', async () => {
    const made = Buffer.from(JSON.stringify(['2026-02-30 10:00:00+00', 5])).toString('base64url');
    for (const query of ['?limit=0', '?limit=1000', '?limit=two', '?status=pending', '?queueId=nope', '?assignedToMe=yes', '?sort=name', '?cursor=garbage', `?cursor=${made}`]) {
      const response = await get(admin, `/api/conversations${query}`);
      expect(response.status, query).toBe(400);
      expect(response.contentType).toContain(PROBLEM_CONTENT_TYPE);
    }
    const id = ids.get('front 1')!;
    for (const query of ['?before=garbage', '?limit=5']) {
      expect((await get(admin, `/api/conversations/${id}/messages${query}`)).status, query).toBe(400);
    }
  });

  it('answers 401 without a session', async () => {
    expect((await get(null, '/api/conversations')).status).toBe(401);
    expect((await get(null, `/api/conversations/${ids.get('front 1')!}`)).status).toBe(401);
  });

  it('pages messages oldest first within a page, with a cursor for older ones', async () => {
    const id = ids.get('front 1')!;
    const total = MESSAGE_PAGE_SIZE + 3;
    await server.context.db.insert(messages).values(
      Array.from({ length: total - 1 }, (_, i) => ({ conversationId: id, direction: 'outbound' as const, author: 'agent' as const, body: `reply ${i + 1}`, status: 'sent' })),
    );
    const newest = messagePageSchema.parse((await get(frontDesk, `/api/conversations/${id}/messages`)).body);
    expect(newest.items).toHaveLength(MESSAGE_PAGE_SIZE);
    expect(newest.items[0]!.body).toBe('reply 3');
    expect(newest.items.at(-1)!.body).toBe(`reply ${total - 1}`);
    expect(newest.previousCursor).not.toBeNull();
    const older = messagePageSchema.parse((await get(frontDesk, `/api/conversations/${id}/messages?before=${encodeURIComponent(newest.previousCursor!)}`)).body);
    expect(older.items.map((m) => m.body)).toEqual(['front 1', 'reply 1', 'reply 2']);
    expect(older.previousCursor).toBeNull();
  });
});
