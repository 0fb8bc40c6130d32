// @vitest-environment node
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Skill } from '@/domain/work-distribution/skills';
import { conversations, messages, outbox, queues, routingRules, users } from '../db/schema';
import { freshNumber } from '../../testing/server/channel-fixture';
import { describeEachDatabase } from '../../testing/server/each-database';
import { markActive } from '../../testing/server/routing-fixture';
import { DAY, MINUTE, T0, useRoutingWorld } from '../../testing/server/routing-world';
import type { TestServer } from '../../testing/server/test-server';
import { inboundEntries, postSignedWebhook } from '../../testing/server/twilio-webhooks';
import { createAssignmentWorker, returnConversationsOf } from './assignment';

describeEachDatabase('the assignment pass (server on %s)', (kind) => {
  const world = useRoutingWorld(kind);
  const { at, now, agents, pushChannel, waiting, pass, assigneeOf, view, messagesOf, post } = world;
  let server: TestServer;
  beforeAll(() => ({ server } = world));

  it('gives a waiting conversation to the least loaded member with an allowed presence; ties go to whoever waited longest', async () => {
    const [busy, stale, full, loaded, rested, recent] = await agents('Busy', 'Stale', 'Full', 'Loaded', 'Rested', 'Recent');
    const channel = await pushChannel([busy!, stale!, full!, loaded!, rested!, recent!]);
    await markActive(server, [busy!.id], { presence: 'busy' });
    await markActive(server, [full!.id], { capacity: 1 });
    // Offline once quiet for more than three minutes, whatever they chose.
    await server.context.db.update(users).set({ lastActiveAt: new Date(T0.getTime() - 4 * MINUTE).toISOString() }).where(eq(users.id, stale!.id));
    await waiting(channel, { assigneeId: full!.id });
    await waiting(channel, { assigneeId: loaded!.id });
    await server.context.db.update(users).set({ lastAssignedAt: new Date(T0.getTime() - MINUTE).toISOString() }).where(eq(users.id, recent!.id));
    await server.context.db.update(users).set({ lastAssignedAt: new Date(T0.getTime() - 60 * MINUTE).toISOString() }).where(eq(users.id, rested!.id));

    const first = await waiting(channel);
    const second = await waiting(channel, { queuedAt: new Date(T0.getTime() + 1).toISOString() });
    expect(await pass()).toBe(2);
    expect(await assigneeOf(first.id)).toBe(rested!.id);
    expect(await assigneeOf(second.id)).toBe(recent!.id);
    const [restedRow] = await server.context.db.select({ lastAssignedAt: users.lastAssignedAt }).from(users).where(eq(users.id, rested!.id));
    expect(new Date(restedRow!.lastAssignedAt!).getTime()).toBe(T0.getTime());
    expect(await view(first.id)).toMatchObject({ assigneeId: rested!.id, waitReason: null });
  });

  it('lets a conversation wait while nobody has room, and gives it out when a conversation closes', async () => {
    const [only] = await agents('Only One');
    const channel = await pushChannel([only!]);
    await markActive(server, [only!.id], { capacity: 1 });
    const held = await waiting(channel, { assigneeId: only!.id });
    const next = await waiting(channel);
    expect(await pass()).toBe(0);
    expect(await view(next.id)).toMatchObject({ assigneeId: null, waitReason: 'noAgent' });

    const closed = await post(only!, `/api/conversations/${held.id}/close`, { version: held.version });
    expect(closed.status).toBe(200);
    expect(await assigneeOf(next.id)).toBe(only!.id);
  });

  it('keeps a closed conversation’s room blocked for the wrap-up time when the workstream says so', async () => {
    const [wrapper] = await agents('Wrapper');
    const channel = await pushChannel([wrapper!], { blockCapacityForWrapUp: true, wrapUpMinutes: 10 });
    await markActive(server, [wrapper!.id], { capacity: 1 });
    await waiting(channel, { assigneeId: wrapper!.id, status: 'closed', closedAt: new Date(T0.getTime() - 5 * MINUTE).toISOString() });
    const next = await waiting(channel);
    expect(await pass()).toBe(0);

    at(5 * MINUTE - 1);
    await markActive(server, [wrapper!.id]);
    expect(await pass()).toBe(0);
    at(5 * MINUTE);
    await markActive(server, [wrapper!.id]);
    expect(await pass()).toBe(1);
    expect(await assigneeOf(next.id)).toBe(wrapper!.id);
  });

  it('in profile mode gives an agent at most the profile’s number of the workstream’s conversations', async () => {
    const [profiled] = await agents('Profiled');
    const channel = await pushChannel([profiled!], { capacity: { mode: 'profile', value: 2 } });
    await markActive(server, [profiled!.id], { capacity: 10 });
    const three = [0, 1, 2].map((i) => new Date(T0.getTime() + i).toISOString());
    const queued = [];
    for (const queuedAt of three) queued.push(await waiting(channel, { queuedAt }));
    expect(await pass()).toBe(2);
    expect(await Promise.all(queued.map((c) => assigneeOf(c.id)))).toEqual([profiled!.id, profiled!.id, null]);
  });

  it('waits for an agent with every required skill, then after the fallback time takes anyone eligible', async () => {
    const [novice, expert] = await agents('Novice', 'Expert');
    const channel = await pushChannel([novice!, expert!], { skillMatching: 'exact', skillFallbackMinutes: 10 });
    const finnish: Skill[] = [{ name: 'Finnish', level: 5 }];
    await markActive(server, [novice!.id], { skills: [{ name: 'finnish', level: 2 }] });
    await markActive(server, [expert!.id], { skills: [{ name: 'Finnish', level: 8 }], capacity: 1 });
    await waiting(channel, { assigneeId: expert!.id });
    const needsFinnish = await waiting(channel, { requiredSkills: finnish });
    expect(await pass()).toBe(0);

    at(10 * MINUTE);
    await markActive(server, [novice!.id, expert!.id]);
    expect(await pass()).toBe(1);
    expect(await assigneeOf(needsFinnish.id)).toBe(novice!.id);
  });

  it('with closest matching prefers the agent who has more of the skills, even when busier', async () => {
    const [generalist, specialist] = await agents('Generalist', 'Specialist');
    const channel = await pushChannel([generalist!, specialist!], { skillMatching: 'closest' });
    await markActive(server, [specialist!.id], { skills: [{ name: 'Billing', level: 6 }] });
    await waiting(channel, { assigneeId: specialist!.id });
    const billing = await waiting(channel, { requiredSkills: [{ name: 'Billing', level: 5 }, { name: 'Swedish', level: 3 }] });
    expect(await pass()).toBe(1);
    expect(await assigneeOf(billing.id)).toBe(specialist!.id);
  });

  it('keeps the customer with their previous agent within the workstream’s days', async () => {
    const [previous, other] = await agents('Previous', 'Other');
    const channel = await pushChannel([previous!, other!], { keepSameAgent: true, keepSameAgentDays: 7 });
    const phone = freshNumber();
    const customer = { customerPhone: phone, customerWaId: phone.slice(1) };
    await waiting(channel, { assigneeId: previous!.id });
    await waiting(channel, { ...customer, assigneeId: previous!.id, status: 'closed', closedAt: new Date(T0.getTime() - 6 * DAY).toISOString() });
    const back = await waiting(channel, customer);
    expect(await pass()).toBe(1);
    expect(await assigneeOf(back.id)).toBe(previous!.id);

    const laterPhone = freshNumber();
    const laterCustomer = { customerPhone: laterPhone, customerWaId: laterPhone.slice(1) };
    await waiting(channel, { ...laterCustomer, assigneeId: previous!.id, status: 'closed', closedAt: new Date(T0.getTime() - 8 * DAY).toISOString() });
    const tooLate = await waiting(channel, laterCustomer);
    expect(await pass()).toBe(1);
    expect(await assigneeOf(tooLate.id)).toBe(other!.id);
  });

  it('sends the out-of-hours message once while the queue is closed, and assigns at opening across the change to summer time', async () => {
    const [sunday] = await agents('Sunday Agent');
    const channel = await pushChannel([sunday!], {}, {
      automatedMessages: [
        { trigger: 'greeting', language: 'en', text: 'Hello!' },
        { trigger: 'outOfHours', language: 'en', text: 'We are closed; we answer on Sunday from 9.' },
        { trigger: 'agentAssigned', language: 'en', text: 'You are talking to {{agent}}. {{agent}} will help.' },
      ],
    });
    // Sundays 9–17 in Helsinki; on 29 March 2026 summer time starts at 03:00, so 9:00 is 06:00 UTC (not 07:00).
    await server.context.db
      .update(queues)
      .set({ operatingHours: { timeZone: 'Europe/Helsinki', periods: [{ day: 'sun', open: '09:00', close: '17:00' }] } })
      .where(eq(queues.id, channel.fallbackQueue.id));
    server.setNow(new Date('2026-03-28T20:00:00.000Z'));
    await markActive(server, [sunday!.id]);
    const from = freshNumber();
    const send = (body: string) => postSignedWebhook(server, `/webhooks/twilio/whatsapp/${channel.account.id}`, inboundEntries({ from, to: channel.number, body }), { authToken: channel.authToken });
    expect((await send('Anyone there?')).status).toBe(200);
    expect((await send('Hello?')).status).toBe(200);
    const [row] = await server.context.db.select().from(conversations).where(eq(conversations.accountId, channel.account.id));
    const bodies = (await messagesOf(row!.id)).map((m) => m.body);
    expect(bodies).toEqual(['Anyone there?', 'Hello!', 'We are closed; we answer on Sunday from 9.', 'Hello?']);
    expect(await view(row!.id)).toMatchObject({ assigneeId: null, waitReason: 'outOfHours' });

    server.setNow(new Date('2026-03-29T05:59:00.000Z'));
    await markActive(server, [sunday!.id]);
    expect(await pass()).toBe(0);
    server.setNow(new Date('2026-03-29T06:00:00.000Z'));
    await markActive(server, [sunday!.id]);
    expect(await pass()).toBe(1);
    expect(await view(row!.id)).toMatchObject({ assigneeId: sunday!.id, waitReason: null });
    const assigned = (await messagesOf(row!.id)).at(-1)!;
    expect(assigned).toMatchObject({ author: 'automated', direction: 'outbound', body: 'You are talking to Sunday Agent. Sunday Agent will help.', note: null });
    const [queued] = await server.context.db.select().from(outbox).where(eq(outbox.messageId, assigned.id));
    expect(queued).toBeDefined();
  });

  it('returns a deleted user’s open conversations to their queues with a note', async () => {
    const [gone] = await agents('Gone Agent');
    const channel = await pushChannel([]);
    const held = await waiting(channel, { assigneeId: gone!.id });
    at(MINUTE);
    const returned = await server.context.db.transaction(async (tx) => {
      const ids = await returnConversationsOf(tx, gone!.id, server.context.now());
      await tx.delete(users).where(eq(users.id, gone!.id));
      return ids;
    });
    expect(returned).toEqual([held.id]);
    expect(await view(held.id)).toMatchObject({ assigneeId: null, queuedAt: server.context.now().toISOString(), waitReason: 'noAgent' });
    const [note] = await server.context.db.select().from(messages).where(and(eq(messages.conversationId, held.id), eq(messages.direction, 'note'))).orderBy(asc(messages.seq));
    expect(note!.note).toEqual({ code: 'returnedToQueue', params: { agent: 'Gone Agent', queue: channel.fallbackQueue.name } });
  });

  it('sweeps on its own for what time alone frees (here, the end of wrap-up) until stopped', async () => {
    const [sweeper] = await agents('Sweeper');
    const channel = await pushChannel([sweeper!], { blockCapacityForWrapUp: true, wrapUpMinutes: 1 });
    await markActive(server, [sweeper!.id], { capacity: 1 });
    await waiting(channel, { assigneeId: sweeper!.id, status: 'closed', closedAt: now() });
    const next = await waiting(channel);
    const worker = createAssignmentWorker(server.context, { sweepMs: 20 });
    worker.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await assigneeOf(next.id)).toBeNull();
      at(MINUTE);
      await markActive(server, [sweeper!.id]);
      await expect.poll(() => assigneeOf(next.id), { timeout: 5_000 }).toBe(sweeper!.id);
    } finally {
      await worker.stop();
    }
    const after = await waiting(channel, { queuedAt: new Date(T0.getTime() + MINUTE).toISOString() });
    await server.context.db.update(conversations).set({ status: 'closed', closedAt: new Date(T0.getTime() - DAY).toISOString() }).where(eq(conversations.id, next.id));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await assigneeOf(after.id)).toBeNull();
  });

  it('routes to the rule’s queue with its required skills, and assigns after the inbound batch', async () => {
    const [skilled] = await agents('Skilled');
    const channel = await pushChannel([], { skillMatching: 'exact', skillFallbackMinutes: null }, { queues: { Billing: [skilled!.id] }, rules: [{ conditions: [{ field: 'firstMessage', operator: 'contains', value: 'invoice' }], queue: 'Billing' }] });
    await server.context.db.update(routingRules).set({ requiredSkills: [{ name: 'Billing', level: 3 }] }).where(eq(routingRules.workstreamId, channel.workstream!.id));
    await markActive(server, [skilled!.id], { skills: [{ name: 'Billing', level: 3 }] });
    const from = freshNumber();
    await postSignedWebhook(server, `/webhooks/twilio/whatsapp/${channel.account.id}`, inboundEntries({ from, to: channel.number, body: 'My invoice is wrong' }), { authToken: channel.authToken });
    const [row] = await server.context.db.select().from(conversations).where(eq(conversations.accountId, channel.account.id));
    expect(row).toMatchObject({ queueId: channel.queues.Billing!.id, requiredSkills: [{ name: 'Billing', level: 3 }], assigneeId: skilled!.id });
  });
});
