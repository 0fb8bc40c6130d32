import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Conversation, Message } from '@/api/contract/conversation';
import { conversations, workstreams, type WorkstreamSettings } from '../../server/db/schema';
import { assignWaiting } from '../../server/services/assignment';
import { createChannel, type Channel, type ChannelOptions } from './channel-fixture';
import { insertConversation } from './conversation-fixture';
import { signedInUser, startTestServer, type TestDatabaseKind, type TestServer } from './test-server';

/** A Wednesday morning, well before the real clock (sessions made now stay valid). */
export const T0 = new Date('2026-03-25T09:00:00.000Z');
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export type User = Awaited<ReturnType<typeof signedInUser>>;

/**
 * A server for tests of work distribution, its clock at T0 before each test, and what they
 * do over and over: agents, a push channel with chosen settings, waiting conversations, a pass.
 */
export function useRoutingWorld(kind: TestDatabaseKind) {
  let server: TestServer;
  let admin: User;
  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await signedInUser(server, 'admin');
  });
  afterAll(() => server?.close());
  beforeEach(() => server.setNow(T0));

  const now = () => server.context.now().toISOString();

  return {
    get server() {
      return server;
    },
    get admin() {
      return admin;
    },
    /** Moves the server's clock to T0 + ms. */
    at: (ms: number) => server.setNow(new Date(T0.getTime() + ms)),
    now,
    agents: (...names: string[]): Promise<User[]> => Promise.all(names.map((name) => signedInUser(server, 'agent', name))),

    /** A push channel whose fallback queue has these members (active now); each conversation costs one unit unless settings say otherwise. */
    async pushChannel(members: User[], settings: Partial<WorkstreamSettings> = {}, options: ChannelOptions = {}): Promise<Channel> {
      const channel = await createChannel(server, admin.fetch, { distributionMode: 'push', members: members.map((m) => m.id), ...options });
      const [row] = await server.context.db.select({ settings: workstreams.settings }).from(workstreams).where(eq(workstreams.id, channel.workstream!.id));
      await server.context.db
        .update(workstreams)
        .set({ settings: { ...row!.settings, capacity: { mode: 'unit', value: 1 }, ...settings } })
        .where(eq(workstreams.id, channel.workstream!.id));
      return channel;
    },

    /** A conversation that entered its queue now, the customer's last message now. */
    waiting: (channel: Channel, values: Parameters<typeof insertConversation>[2] = {}) =>
      insertConversation(server, channel, { queuedAt: now(), lastInboundAt: now(), lastMessageAt: now(), createdAt: now(), ...values }),

    pass: () => assignWaiting(server.context),

    async assigneeOf(id: string): Promise<string | null> {
      const [row] = await server.context.db.select({ assigneeId: conversations.assigneeId }).from(conversations).where(eq(conversations.id, id));
      return row!.assigneeId;
    },

    async view(id: string, as: User = admin): Promise<Conversation> {
      const response = await as.fetch(`${server.baseUrl}/api/conversations/${id}`);
      expect(response.status).toBe(200);
      return (await response.json()) as Conversation;
    },

    async messagesOf(id: string, as: User = admin): Promise<Message[]> {
      const response = await as.fetch(`${server.baseUrl}/api/conversations/${id}/messages`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: Message[] }).items;
    },

    post: (as: User, path: string, body: unknown) =>
      as.fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
