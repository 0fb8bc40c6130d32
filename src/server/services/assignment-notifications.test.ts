// @vitest-environment node
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import type { LiveEvent } from '@/api/contract/live-event';
import type { PublishedEvent } from '../events/event-bus';
import { messages } from '../db/schema';
import { createChannel } from '../../testing/server/channel-fixture';
import { describeEachDatabase } from '../../testing/server/each-database';
import { markActive } from '../../testing/server/routing-fixture';
import { MINUTE, useRoutingWorld, type User } from '../../testing/server/routing-world';
import type { TestServer } from '../../testing/server/test-server';

type AssignmentEvent = Extract<LiveEvent, { type: 'assignment' }>;

describeEachDatabase('assignment notifications (server on %s)', (kind) => {
  const world = useRoutingWorld(kind);
  const { agents, pushChannel, waiting, pass, post, at } = world;
  let server: TestServer;
  let admin: User;
  let published: PublishedEvent[] = [];
  let unsubscribe = () => {};
  beforeAll(() => ({ server, admin } = world));
  beforeEach(() => {
    published = [];
    unsubscribe = server.context.events.subscribe((event) => published.push(event));
  });
  afterEach(() => unsubscribe());

  const notifications = () => published.filter((p): p is PublishedEvent & { event: AssignmentEvent } => p.event.type === 'assignment');

  async function customerWrote(conversationId: string, body: string) {
    await server.context.db.insert(messages).values({ conversationId, direction: 'inbound', author: 'customer', body, status: 'received' });
  }

  it('the pass tells the agent it gave the conversation to, and no one else; the plain template names only the queue', async () => {
    const [agent] = await agents('Pushed Agent');
    const channel = await pushChannel([agent!]);
    const conversation = await waiting(channel);
    await customerWrote(conversation.id, 'My invoice is wrong');

    expect(await pass()).toBe(1);
    expect(notifications()).toEqual([
      {
        event: {
          type: 'assignment',
          conversationId: conversation.id,
          assigneeId: agent!.id,
          notification: { template: 'messagingIncoming', queueName: channel.fallbackQueue.name, customerName: null, preview: null },
        },
        audience: { queueId: null, assigneeId: agent!.id, personal: true },
      },
    ]);
  });

  it('with the preview template it carries the customer’s name (else the number) and their latest message', async () => {
    const [agent] = await agents('Preview Agent');
    const channel = await pushChannel([agent!], { advanced: { notificationTemplate: 'messagingIncomingWithPreview', contextVariables: [], quickReplies: [] } });
    const named = await waiting(channel, { profileName: 'Maija Meikäläinen' });
    await customerWrote(named.id, 'First question');
    await customerWrote(named.id, `  ${'Where is my parcel? '.repeat(10)}`);
    const unnamed = await waiting(channel, { profileName: null });
    await markActive(server, [agent!.id], { capacity: 2 });

    expect(await pass()).toBe(2);
    const byConversation = new Map(notifications().map((p) => [p.event.conversationId, p.event.notification]));
    expect(byConversation.get(named.id)).toEqual({
      template: 'messagingIncomingWithPreview',
      queueName: channel.fallbackQueue.name,
      customerName: 'Maija Meikäläinen',
      preview: 'Where is my parcel? '.repeat(10).trim().slice(0, 100),
    });
    // No customer message stored: no preview rather than someone else's words.
    expect(byConversation.get(unnamed.id)).toMatchObject({ customerName: unnamed.customerPhone, preview: null });
  });

  it('a transfer to an agent tells that agent; to a queue, nobody; an agent’s own Accept does not notify', async () => {
    const [holder, receiver] = await agents('Holding Agent', 'Receiving Agent');
    const channel = await pushChannel([holder!, receiver!]);
    await markActive(server, [holder!.id, receiver!.id], { capacity: 3 });
    const conversation = await waiting(channel, { assigneeId: holder!.id });
    const path = `/api/conversations/${conversation.id}/transfer`;

    expect((await post(holder!, path, { version: conversation.version, to: { kind: 'queue', queueId: channel.fallbackQueue.id } })).status).toBe(200);
    const afterQueue = notifications().filter((p) => p.event.conversationId === conversation.id && p.event.assigneeId !== receiver!.id && p.event.assigneeId !== holder!.id);
    expect(afterQueue).toEqual([]);

    published = [];
    const current = await world.view(conversation.id);
    const moved = await post(admin, path, { version: current.version, to: { kind: 'agent', userId: receiver!.id } });
    expect(moved.status).toBe(200);
    expect(notifications().map((p) => [p.event.conversationId, p.event.assigneeId, p.audience])).toEqual([
      [conversation.id, receiver!.id, { queueId: null, assigneeId: receiver!.id, personal: true }],
    ]);

    at(MINUTE);
    const pick = await createChannel(server, admin.fetch, { distributionMode: 'pick', members: [holder!.id] });
    const picked = await waiting(pick);
    published = [];
    expect((await post(holder!, `/api/conversations/${picked.id}/accept`, { version: picked.version })).status).toBe(200);
    expect(published.some((p) => p.event.type === 'conversation')).toBe(true);
    expect(notifications()).toEqual([]);
  });

  it('an administrator’s event stream does not carry another user’s notification; the assignee’s does', async () => {
    const [agent] = await agents('Streamed Agent');
    const channel = await pushChannel([agent!]);
    await waiting(channel);
    const adminStream = await openStream(admin);
    const agentStream = await openStream(agent!);
    expect(await pass()).toBe(1);
    // Events reach a stream in order: once this one has arrived, the notification would have too.
    const sentinel = `"userId":"${admin.id}"`;
    await server.context.events.publish({ event: { type: 'presence', userId: admin.id, presence: 'available' }, audience: { queueId: null, assigneeId: admin.id } });
    const [adminText, agentText] = await Promise.all([adminStream.until(sentinel), agentStream.until('"type":"assignment"')]);
    expect(adminText).toContain(sentinel);
    expect(adminText).toContain('"type":"conversation"');
    expect(adminText).not.toContain('"type":"assignment"');
    expect(agentText).toContain(`"assigneeId":"${agent!.id}"`);
  });

  /** GET /api/events as this user; `until` reads until the text appears (or 3 s), then closes. */
  async function openStream(user: User) {
    const controller = new AbortController();
    const response = await user.fetch(`${server.baseUrl}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    return {
      async until(text: string): Promise<string> {
        let seen = '';
        const deadline = setTimeout(() => controller.abort(), 3000);
        try {
          while (!seen.includes(text)) {
            const { value, done } = await reader.read();
            if (done) break;
            seen += decoder.decode(value, { stream: true });
          }
        } catch {
          // Aborted at the deadline: what was seen is the answer.
        } finally {
          clearTimeout(deadline);
          controller.abort();
        }
        return seen;
      },
    };
  }
});
