// @vitest-environment node
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { conversations, messages, queues, workstreams } from '../db/schema';
import { createChannel, type Channel } from '../../testing/server/channel-fixture';
import { insertConversation } from '../../testing/server/conversation-fixture';
import { describeOnPostgres } from '../../testing/server/each-database';
import { markActive } from '../../testing/server/routing-fixture';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { assignWaiting } from './assignment';

/** A Monday: the day queue opens at 9 and the evening queue at 17 (UTC). */
const DAYTIME = new Date('2026-03-23T10:00:00.000Z');
const EVENING = new Date('2026-03-23T18:00:00.000Z');

/*
 * The instances' clocks differ: one sees only the day queue open, the other only the evening
 * queue, so their plans give different conversations to the same agents. Only passes that
 * run one after the other (the advisory lock) keep every agent within capacity.
 */
describeOnPostgres('assignment passes of two instances on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  let channel: Channel;
  let agentIds: string[];
  const waitingIds: string[] = [];

  beforeAll(async () => {
    first = await startTestServer('postgres');
    second = await startTestServer('postgres', { databaseUrl: first.databaseUrl });
    const admin = await signedInUser(first, 'admin');
    const agents = await Promise.all(Array.from({ length: 6 }, (_, i) => signedInUser(first, 'agent', `Racer ${i + 1}`)));
    agentIds = agents.map((a) => a.id);
    channel = await createChannel(first, admin.fetch, {
      distributionMode: 'push',
      members: agentIds,
      queues: { Evening: agentIds },
      automatedMessages: [{ trigger: 'agentAssigned', language: 'en', text: 'This is {{agent}}.' }],
    });
    const [row] = await first.context.db.select({ settings: workstreams.settings }).from(workstreams).where(eq(workstreams.id, channel.workstream!.id));
    await first.context.db.update(workstreams).set({ settings: { ...row!.settings, capacity: { mode: 'unit', value: 1 } } }).where(eq(workstreams.id, channel.workstream!.id));
    await first.context.db.update(queues).set({ operatingHours: { timeZone: 'UTC', periods: [{ day: 'mon', open: '09:00', close: '17:00' }] } }).where(eq(queues.id, channel.fallbackQueue.id));
    await first.context.db.update(queues).set({ operatingHours: { timeZone: 'UTC', periods: [{ day: 'mon', open: '17:00', close: '24:00' }] } }).where(eq(queues.id, channel.queues.Evening!.id));
    for (let i = 0; i < 40; i++) {
      const at = new Date(DAYTIME.getTime() - 60_000 + i).toISOString();
      const queueId = i % 2 === 0 ? channel.fallbackQueue.id : channel.queues.Evening!.id;
      waitingIds.push((await insertConversation(first, channel, { queueId, queuedAt: at, lastInboundAt: at, lastMessageAt: at })).id);
    }
    first.setNow(DAYTIME);
    second.setNow(EVENING);
    // Active at the later clock counts as active at both.
    await markActive(second, agentIds);
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  const racePasses = () => Promise.all(Array.from({ length: 8 }, (_, i) => assignWaiting((i % 2 === 0 ? first : second).context)));

  async function held() {
    const rows = await first.context.db
      .select({ assigneeId: conversations.assigneeId, n: count() })
      .from(conversations)
      .where(and(inArray(conversations.id, waitingIds), eq(conversations.status, 'open')))
      .groupBy(conversations.assigneeId);
    return new Map(rows.map((r) => [r.assigneeId, r.n]));
  }

  async function announcedPerConversation() {
    const rows = await first.context.db
      .select({ conversationId: messages.conversationId, n: count() })
      .from(messages)
      .where(and(inArray(messages.conversationId, waitingIds), eq(messages.author, 'automated')))
      .groupBy(messages.conversationId);
    return rows.map((r) => r.n);
  }

  it('never fills an agent past their capacity, and assigns each conversation once', async () => {
    const made = await racePasses();
    const byAgent = await held();
    expect(made.reduce((a, b) => a + b, 0)).toBe(18);
    for (const id of agentIds) expect(byAgent.get(id)).toBe(3);
    expect(byAgent.get(null)).toBe(22);
    expect(await announcedPerConversation()).toEqual(Array(18).fill(1));

    // More room for everyone: the rest go, still once each.
    await markActive(second, agentIds, { capacity: 10 });
    const more = await racePasses();
    expect(more.reduce((a, b) => a + b, 0)).toBe(22);
    expect((await held()).get(null)).toBeUndefined();
    const announced = await announcedPerConversation();
    expect(announced).toHaveLength(40);
    expect(announced.every((n) => n === 1)).toBe(true);
  });
});
