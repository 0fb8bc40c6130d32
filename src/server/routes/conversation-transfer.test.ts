// @vitest-environment node
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { notYourConversationDetail } from '@/api/contract/problem-bodies';
import { messages, outbox, queues } from '../db/schema';
import { createChannel } from '../../testing/server/channel-fixture';
import { describeEachDatabase } from '../../testing/server/each-database';
import { markActive } from '../../testing/server/routing-fixture';
import { DAY, MINUTE, T0, useRoutingWorld, type User } from '../../testing/server/routing-world';
import type { TestServer } from '../../testing/server/test-server';

describeEachDatabase('transfer, release and accept with work distribution (server on %s)', (kind) => {
  const world = useRoutingWorld(kind);
  const { at, agents, pushChannel, waiting, pass, view, messagesOf, post } = world;
  let server: TestServer;
  let admin: User;
  beforeAll(() => ({ server, admin } = world));

  it('notes instead of sending the agent-assigned message outside the 24-hour window, and notes change neither preview nor waiting', async () => {
    const [first, second] = await agents('First Holder', 'Second Holder');
    const channel = await pushChannel([first!], {}, { automatedMessages: [{ trigger: 'agentAssigned', language: 'en', text: 'This is {{agent}}.' }] });
    await markActive(server, [second!.id]);
    const conversation = await waiting(channel, { assigneeId: first!.id, lastMessagePreview: 'Where is my parcel?' });

    at(DAY + MINUTE);
    await markActive(server, [first!.id, second!.id]);
    const moved = await post(first!, `/api/conversations/${conversation.id}/transfer`, { version: conversation.version, to: { kind: 'agent', userId: second!.id } });
    expect(moved.status).toBe(200);
    const notes = (await messagesOf(conversation.id)).filter((m) => m.direction === 'note');
    expect(notes.map((m) => [m.author, m.status, m.note?.code])).toEqual([
      ['system', 'note', 'transferredToAgent'],
      ['system', 'note', 'agentAssignedSkipped'],
    ]);
    expect(notes[0]!.note!.params).toEqual({ agent: 'Second Holder', by: 'First Holder' });
    expect(notes[1]!.body).toContain('Second Holder');
    const inOutbox = await server.context.db.select({ id: outbox.messageId }).from(outbox).innerJoin(messages, eq(messages.id, outbox.messageId)).where(eq(messages.conversationId, conversation.id));
    expect(inOutbox).toEqual([]);
    expect(await view(conversation.id, second!)).toMatchObject({ assigneeId: second!.id, lastMessagePreview: 'Where is my parcel?', waitingForReply: true });
  });

  it('transfers to a queue (it waits there from now) or to an agent who may take it, and refuses the others', async () => {
    const [holder, away, full, free, outsider] = await agents('Holder', 'Away One', 'Full One', 'Free One', 'Not Mine');
    const channel = await pushChannel([holder!, away!, full!], {}, { queues: { Billing: [] } });
    await markActive(server, [away!.id], { presence: 'away' });
    await markActive(server, [full!.id], { capacity: 1 });
    await markActive(server, [free!.id, outsider!.id]);
    await waiting(channel, { assigneeId: full!.id });
    let conversation = await waiting(channel, { assigneeId: holder!.id });
    const path = `/api/conversations/${conversation.id}/transfer`;

    const problemOf = async (response: Response) => ({ status: response.status, body: (await response.json()) as { errors?: { path: string; code: string }[]; detail?: string } });
    const toAgent = (userId: string) => post(holder!, path, { version: conversation.version, to: { kind: 'agent', userId } });
    expect(await problemOf(await toAgent(away!.id))).toMatchObject({ status: 400, body: { errors: [{ path: 'to.userId', code: 'agent.presence' }] } });
    expect(await problemOf(await toAgent(full!.id))).toMatchObject({ status: 400, body: { errors: [{ path: 'to.userId', code: 'agent.full' }] } });
    expect(await problemOf(await toAgent('00000000-0000-4000-8000-000000000000'))).toMatchObject({ status: 400, body: { errors: [{ path: 'to.userId', code: 'agent.unknown' }] } });
    const unknownQueue = await post(holder!, path, { version: conversation.version, to: { kind: 'queue', queueId: 'nope' } });
    expect(await problemOf(unknownQueue)).toMatchObject({ status: 400, body: { errors: [{ path: 'to.queueId', code: 'queue.notFound' }] } });
    // A member who can see it but does not hold it; someone outside the queue does not even see it.
    const notYours = await problemOf(await post(away!, path, { version: conversation.version, to: { kind: 'queue', queueId: channel.queues.Billing!.id } }));
    expect(notYours).toMatchObject({ status: 403, body: { detail: notYourConversationDetail } });
    expect((await post(outsider!, path, { version: conversation.version, to: { kind: 'queue', queueId: channel.queues.Billing!.id } })).status).toBe(404);

    at(MINUTE);
    await markActive(server, [holder!.id, free!.id]);
    const toBilling = await post(holder!, path, { version: conversation.version, to: { kind: 'queue', queueId: channel.queues.Billing!.id } });
    expect(toBilling.status).toBe(200);
    const inBilling = await view(conversation.id);
    // Billing has no members: it waits there, entered now.
    expect(inBilling).toMatchObject({ queueId: channel.queues.Billing!.id, assigneeId: null, waitReason: 'noAgent', queuedAt: server.context.now().toISOString() });
    expect((await messagesOf(conversation.id)).at(-1)!.note).toEqual({ code: 'transferredToQueue', params: { queue: channel.queues.Billing!.name, by: 'Holder' } });

    conversation = { ...conversation, version: inBilling.version };
    const byAdmin = await post(admin, path, { version: conversation.version, to: { kind: 'agent', userId: free!.id } });
    expect(byAdmin.status).toBe(200);
    expect(await view(conversation.id)).toMatchObject({ assigneeId: free!.id });
    const audit = (await (await admin.fetch(`${server.baseUrl}/api/audit-events?entityType=conversation`)).json()) as { items: { entityId: string; changedFields: string[] }[] };
    expect(audit.items.filter((e) => e.entityId === conversation.id).map((e) => e.changedFields)).toEqual([['assignee'], ['queue']]);
  });

  it('notes the out-of-hours message it could not send when a conversation is moved to a closed queue outside the window', async () => {
    const [holder] = await agents('Night Holder');
    const channel = await pushChannel([holder!], {}, { queues: { Night: [] }, automatedMessages: [{ trigger: 'outOfHours', language: 'en', text: 'We are closed.' }] });
    // Open on Sundays only; T0 is a Wednesday.
    await server.context.db
      .update(queues)
      .set({ operatingHours: { timeZone: 'Europe/Helsinki', periods: [{ day: 'sun', open: '09:00', close: '17:00' }] } })
      .where(eq(queues.id, channel.queues.Night!.id));
    const held = await waiting(channel, { assigneeId: holder!.id, lastInboundAt: new Date(T0.getTime() - DAY - MINUTE).toISOString() });
    const moved = await post(holder!, `/api/conversations/${held.id}/transfer`, { version: held.version, to: { kind: 'queue', queueId: channel.queues.Night!.id } });
    expect(moved.status).toBe(200);
    expect(await view(held.id)).toMatchObject({ waitReason: 'outOfHours' });
    const written = await messagesOf(held.id);
    expect(written.map((m) => m.note?.code ?? m.body)).toEqual(['transferredToQueue', 'outOfHoursSkipped']);
  });

  it('releases a conversation back to its queue, at the back of the line, and the pass gives it out again', async () => {
    const [leaving, taking] = await agents('Leaving', 'Taking');
    const channel = await pushChannel([leaving!, taking!]);
    const held = await waiting(channel, { assigneeId: leaving!.id });
    await markActive(server, [leaving!.id], { presence: 'away' });
    at(MINUTE);
    await markActive(server, [taking!.id]);
    await markActive(server, [leaving!.id], { presence: 'away' });

    const stranger = (await agents('Stranger'))[0]!;
    await markActive(server, [stranger.id]);
    expect((await post(stranger, `/api/conversations/${held.id}/release`, { version: held.version })).status).toBe(404);
    const released = await post(leaving!, `/api/conversations/${held.id}/release`, { version: held.version });
    expect(released.status).toBe(200);
    expect(await view(held.id)).toMatchObject({ assigneeId: taking!.id, queuedAt: server.context.now().toISOString() });
    const notes = (await messagesOf(held.id)).filter((m) => m.direction === 'note');
    expect(notes.map((m) => m.note?.code)).toEqual(['released']);
  });

  it('refuses Accept in pick mode when the agent has no room left', async () => {
    const [picker] = await agents('Picker');
    const channel = await createChannel(server, admin.fetch, { distributionMode: 'pick', members: [picker!.id] });
    await markActive(server, [picker!.id], { capacity: 2 });
    await waiting(channel, { assigneeId: picker!.id });
    const open = await waiting(channel);
    const refused = await post(picker!, `/api/conversations/${open.id}/accept`, { version: open.version });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/no room for another conversation/);
    expect(await view(open.id)).toMatchObject({ assigneeId: null, waitReason: 'pick' });
  });

  it('tells the customer who accepted the conversation in pick mode', async () => {
    const [picker] = await agents('Pia Picker');
    const channel = await createChannel(server, admin.fetch, {
      distributionMode: 'pick',
      members: [picker!.id],
      automatedMessages: [{ trigger: 'agentAssigned', language: 'en', text: 'Hi, {{agent}} here.' }],
    });
    await markActive(server, [picker!.id]);
    const open = await waiting(channel);
    expect(await pass()).toBe(0);
    expect((await post(picker!, `/api/conversations/${open.id}/accept`, { version: open.version })).status).toBe(200);
    expect((await messagesOf(open.id)).map((m) => [m.author, m.body])).toEqual([['automated', 'Hi, Pia Picker here.']]);
  });

  it('tells both sides of a transfer live: the queue it left and the one it joined', async () => {
    const [holder] = await agents('Live Holder');
    const channel = await pushChannel([holder!], {}, { queues: { Other: [] } });
    const held = await waiting(channel, { assigneeId: holder!.id });
    const published: { type: string; audience: { queueId: string | null; assigneeId: string | null } }[] = [];
    const unsubscribe = server.context.events.subscribe(({ event, audience }) => {
      if (event.type === 'conversation' && event.conversation.id === held.id) published.push({ type: event.type, audience });
    });
    try {
      const moved = await post(holder!, `/api/conversations/${held.id}/transfer`, { version: held.version, to: { kind: 'queue', queueId: channel.queues.Other!.id } });
      expect(moved.status).toBe(200);
      await expect.poll(() => published.length).toBeGreaterThanOrEqual(2);
      expect(published.map((p) => p.audience)).toEqual(
        expect.arrayContaining([
          { queueId: channel.queues.Other!.id, assigneeId: null },
          { queueId: channel.fallbackQueue.id, assigneeId: holder!.id },
        ]),
      );
    } finally {
      unsubscribe();
    }
  });
});
