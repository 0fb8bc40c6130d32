// @vitest-environment node
import { createHmac } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Workstream } from '@/api/contract/workstream';
import type { BotRequest } from '@/domain/bot/bot-protocol';
import { weekdays } from '@/domain/operating-hours';
import { botDeliveries, conversations, messages, messageTemplates, outbox, queues, routingRules, workstreams } from '../db/schema';
import type { Channel, ChannelOptions } from '../../testing/server/channel-fixture';
import { withBotDetail } from '@/api/contract/problem-bodies';
import { describeEachDatabase } from '../../testing/server/each-database';
import { startFakeBot, type FakeBot } from '../../testing/server/fake-bot';
import { markActive } from '../../testing/server/routing-fixture';
import { T0, useRoutingWorld, type User } from '../../testing/server/routing-world';
import type { TestServer } from '../../testing/server/test-server';
import { inboundEntries, postSignedWebhook } from '../../testing/server/twilio-webhooks';
import { BOT_WORKER_DEFAULTS, MAX_DELIVERY_ATTEMPTS, createBotWorker } from './bot-worker';

const SECRET = 'a-shared-secret-for-the-test-bot';

describeEachDatabase('the workstream bot (server on %s)', (kind) => {
  const world = useRoutingWorld(kind);
  let server: TestServer;
  let bot: FakeBot;
  beforeAll(async () => {
    server = world.server;
    bot = await startFakeBot();
  });
  afterAll(() => bot?.close());
  beforeEach(() => {
    bot.behaviour = 'menu';
    bot.received = [];
  });

  /** A push channel whose bot takes new conversations first; `topic equals billing` routes to Billing. */
  async function botChannel(members: User[], options: { maxTurns?: number; automatedMessages?: ChannelOptions['automatedMessages'] } = {}) {
    const channel = await world.pushChannel(members, {}, { queues: { Billing: members.map((m) => m.id) }, automatedMessages: options.automatedMessages });
    const id = channel.workstream!.id;
    const [row] = await server.context.db.select().from(workstreams).where(eq(workstreams.id, id));
    await server.context.db
      .update(workstreams)
      .set({ settings: { ...row!.settings, advanced: { ...row!.settings.advanced, contextVariables: [{ name: 'topic', type: 'text' }] } } })
      .where(eq(workstreams.id, id));
    await server.context.db.insert(routingRules).values({
      workstreamId: id,
      position: 0,
      name: 'Billing topic',
      conditions: [{ field: 'contextVariable', variable: 'topic', operator: 'equals', value: 'billing' }],
      queueId: channel.queues.Billing!.id,
      requiredSkills: [],
    });
    const response = await world.admin.fetch(`${server.baseUrl}/api/workstreams/${id}/bot`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: row!.version, name: 'Menu bot', url: bot.url, secret: SECRET, firstToBot: true, maxTurns: options.maxTurns ?? 10 }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Workstream).bot).toMatchObject({ insecureUrl: true, secretHint: SECRET.slice(-4) });
    return channel;
  }

  let phoneSerial = 0;
  function customerOf(channel: Channel) {
    const from = `+35850${String(++phoneSerial).padStart(7, '0')}${kind === 'postgres' ? '1' : '2'}`;
    return async (body: string) => {
      const response = await postSignedWebhook(server, `/webhooks/twilio/whatsapp/${channel.account.id}`, inboundEntries({ from, to: channel.number, body, profileName: 'Maria' }), {
        authToken: channel.authToken,
      });
      expect(response.status).toBe(200);
      await server.bot.settled();
      const [row] = await server.context.db.select().from(conversations).where(eq(conversations.customerPhone, from));
      return row!;
    };
  }

  const messagesOf = (conversationId: string) => server.context.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.seq));
  const deliveriesOf = (conversationId: string) => server.context.db.select().from(botDeliveries).where(eq(botDeliveries.conversationId, conversationId));

  it('talks with the customer, signed, until the bot hands over; then the rules route by the context variable and an agent gets it', async () => {
    const [agent] = await world.agents('Bea Billing');
    await markActive(server, [agent!.id], { capacity: 5 });
    const channel = await botChannel([agent!]);
    const customer = customerOf(channel);

    const first = await customer('Hi');
    expect(first).toMatchObject({ botActive: true, botName: 'Menu bot', botTurns: 1, assigneeId: null });
    expect(await world.pass()).toBe(0);
    const withBot = await world.view(first.id);
    expect(withBot).toMatchObject({ waitReason: 'bot', assigneeId: null, bot: { name: 'Menu bot', active: true, turns: 1, handoff: null } });
    // Nobody takes it from the bot by hand: it hands over itself, or fails and hands over.
    for (const [action, body] of [
      ['accept', { version: withBot!.version }],
      ['transfer', { version: withBot!.version, to: { kind: 'agent', userId: agent!.id } }],
    ] as const) {
      const refused = await world.admin.fetch(`${server.baseUrl}/api/conversations/${first.id}/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { detail: string }).detail).toBe(withBotDetail);
    }

    const [request] = bot.received;
    const timestamp = request!.headers['x-admin-center-timestamp'];
    expect(timestamp).toBe(String(Math.floor(T0.getTime() / 1000)));
    const expected = `sha256=${createHmac('sha256', SECRET).update(`${String(timestamp)}.${request!.rawBody}`).digest('hex')}`;
    expect(request!.headers['x-admin-center-signature']).toBe(expected);
    expect(request!.body).toEqual({
      version: 1,
      deliveryId: expect.any(String),
      conversation: { id: first.id, workstreamId: channel.workstream!.id, language: 'en', turn: 1 },
      customer: { phone: first.customerPhone, name: 'Maria' },
      message: { id: expect.any(String), text: 'Hi', media: [] },
      contextVariables: {},
    } satisfies BotRequest);
    const menu = (await messagesOf(first.id)).find((m) => m.author === 'bot');
    expect(menu).toMatchObject({ direction: 'outbound', authorName: 'Menu bot', status: 'pending' });
    expect(menu!.body).toContain('1 Billing');

    const published: { type: string; queueId: string | null }[] = [];
    const unsubscribe = server.context.events.subscribe(({ event, audience }) => {
      if (event.type === 'message' && event.message.author === 'bot') published.push({ type: 'botMessage', queueId: audience.queueId });
      if (event.type === 'conversation' && event.conversation.id === first.id) published.push({ type: 'conversation', queueId: audience.queueId });
    });
    const handed = await customer('1');
    unsubscribe();
    // The bot's answer and the move reach the new queue, and the old queue hears that it left.
    expect(published).toEqual(
      expect.arrayContaining([
        { type: 'botMessage', queueId: channel.queues.Billing!.id },
        { type: 'conversation', queueId: channel.queues.Billing!.id },
        { type: 'conversation', queueId: channel.fallbackQueue.id },
      ]),
    );
    expect(bot.received[1]!.body.conversation.turn).toBe(2);
    expect(handed).toMatchObject({ botActive: false, botTurns: 2, contextVariables: { topic: 'billing' }, queueId: channel.queues.Billing!.id, assigneeId: agent!.id });
    // The bot answered, but no agent has yet: the customer waits for a reply.
    expect(handed.waitingForReply).toBe(true);
    expect(handed.botHandoff).toMatchObject({ reason: 'requested', detail: 'The customer chose “billing” from the menu.' });
    const note = (await messagesOf(first.id)).find((m) => m.note?.code === 'botHandedOver');
    expect(note!.note!.params).toMatchObject({ bot: 'Menu bot', queue: channel.queues.Billing!.name, reason: 'requested' });
    expect(await deliveriesOf(first.id)).toEqual([]);

    await customer('Thanks');
    expect(bot.received).toHaveLength(2);
    expect(await deliveriesOf(first.id)).toEqual([]);
  });

  it('hands over when the bot does not answer within 5 seconds', async () => {
    const channel = await botChannel([]);
    bot.behaviour = 'slow';
    const started = Date.now();
    const row = await customerOf(channel)('Hello?');
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(4_900);
    expect(took).toBeLessThan(7_500);
    expect(row).toMatchObject({ botActive: false, botTurns: 0, queueId: channel.fallbackQueue.id });
    expect(row.botHandoff).toMatchObject({ reason: 'timeout', detail: 'no answer within 5 s' });
  }, 15_000);

  it.each([
    ['error', 'httpError', 'HTTP 500'],
    ['notJson', 'malformed', 'the answer is not JSON'],
  ] as const)('hands over when the bot answers %s', async (behaviour, reason, detail) => {
    const channel = await botChannel([]);
    bot.behaviour = behaviour;
    const row = await customerOf(channel)('Hello?');
    expect(row).toMatchObject({ botActive: false, queueId: channel.fallbackQueue.id, botHandoff: { reason, detail } });
  });

  it('hands over without calling the bot once its turns are used up', async () => {
    const channel = await botChannel([], { maxTurns: 2 });
    bot.behaviour = 'menuOnly';
    const customer = customerOf(channel);
    await customer('a');
    await customer('b');
    const row = await customer('c');
    expect(bot.received).toHaveLength(2);
    expect(row).toMatchObject({ botActive: false, botTurns: 2, botHandoff: { reason: 'tooManyTurns' } });
  });

  it('retries a delivery whose instance stopped mid-turn, with the same delivery id', async () => {
    const channel = await botChannel([]);
    await server.bot.stop();
    const customer = customerOf(channel);
    const row = await customer('Hi');
    const hung: BotRequest[] = [];
    const crashed = createBotWorker(server.context, {
      fetch: (_url, init) => {
        hung.push(JSON.parse(String(init?.body)) as BotRequest);
        return new Promise<Response>(() => undefined);
      },
    });
    void crashed.runDue();
    await expect.poll(() => hung.length).toBe(1);

    world.at(BOT_WORKER_DEFAULTS.leaseMs + 1);
    server.bot.start();
    await server.bot.settled();
    expect(bot.received.map((r) => r.body.deliveryId)).toEqual([hung[0]!.deliveryId]);
    expect(bot.received[0]!.body.conversation.turn).toBe(1);
    const [after] = await server.context.db.select().from(conversations).where(eq(conversations.id, row.id));
    expect(after).toMatchObject({ botActive: true, botTurns: 1 });
  });

  it('hands over instead of asking again when a delivery was taken too often without being settled', async () => {
    const channel = await botChannel([]);
    await server.bot.stop();
    const row = await customerOf(channel)('Hi');
    await server.context.db.update(botDeliveries).set({ attempts: MAX_DELIVERY_ATTEMPTS }).where(eq(botDeliveries.conversationId, row.id));
    server.bot.start();
    await server.bot.settled();
    expect(bot.received).toEqual([]);
    const [after] = await server.context.db.select().from(conversations).where(eq(conversations.id, row.id));
    expect(after).toMatchObject({ botActive: false, botHandoff: { reason: 'malformed', detail: 'the bot’s answer could not be recorded' } });
  });

  it('an answer with characters the database cannot keep (NUL) is malformed, and agents take over', async () => {
    const channel = await botChannel([]);
    bot.behaviour = 'fixed';
    bot.fixedAnswer = { messages: [{ text: 'Hi\u0000there' }], handoff: { variables: { topic: 'bil\u0000ling' } } };
    const row = await customerOf(channel)('Hi');
    expect(row).toMatchObject({ botActive: false, botHandoff: { reason: 'malformed' } });
    expect((await messagesOf(row.id)).filter((m) => m.author === 'bot')).toEqual([]);
  });

  it('hands over to a queue named in any case; an unknown name is routed by the rules, and variables the workstream lacks are left out', async () => {
    const channel = await botChannel([]);
    bot.behaviour = 'fixed';
    bot.fixedAnswer = { handoff: { queue: channel.queues.Billing!.name.toUpperCase(), reason: 'asked for billing' } };
    const named = await customerOf(channel)('Hi');
    expect(named).toMatchObject({ queueId: channel.queues.Billing!.id, botHandoff: { reason: 'requested', detail: 'asked for billing' } });

    bot.fixedAnswer = { handoff: { queue: 'Nowhere', variables: { Topic: 'billing', colour: 'red' } } };
    const routed = await customerOf(channel)('Hi');
    expect(routed).toMatchObject({ queueId: channel.queues.Billing!.id, contextVariables: { topic: 'billing' } });
    expect(routed.botHandoff!.detail).toBe('no queue "Nowhere": routed by the rules; ignored: colour (not defined)');
  });

  it('sends a template the bot names in the conversation’s language, and hands over on one the account lacks', async () => {
    const channel = await botChannel([]);
    const template = { accountId: channel.account.id, name: 'order_update', category: 'utility' as const, body: 'Order {{1}} is on its way.', examples: ['42'], status: 'approved' as const };
    await server.context.db.insert(messageTemplates).values([
      { ...template, language: 'fi', body: 'Tilaus {{1}} on matkalla.', contentSid: `HX${'f'.repeat(32)}` },
      { ...template, language: 'en', contentSid: `HX${'e'.repeat(32)}` },
    ]);
    bot.behaviour = 'fixed';
    bot.fixedAnswer = { messages: [{ template: { name: 'order_update', variables: ['42'] } }] };
    const sent = await customerOf(channel)('Where is my order?');
    const [message] = (await messagesOf(sent.id)).filter((m) => m.author === 'bot');
    expect(message).toMatchObject({ body: 'Order 42 is on its way.', template: { name: 'order_update', contentSid: `HX${'e'.repeat(32)}`, variables: ['42'] } });
    expect(await server.context.db.select().from(outbox).where(eq(outbox.messageId, message!.id))).toHaveLength(1);

    bot.fixedAnswer = { messages: [{ text: 'One moment' }, { template: { name: 'missing_one' } }] };
    const failed = await customerOf(channel)('Hi');
    expect(failed).toMatchObject({ botActive: false, botHandoff: { reason: 'malformed', detail: 'no approved template "missing_one"' } });
    expect((await messagesOf(failed.id)).filter((m) => m.author === 'bot')).toEqual([]);
  });

  it('tells the customer of closed hours at the hand-off, not on arrival', async () => {
    const channel = await botChannel([], { automatedMessages: [{ trigger: 'outOfHours', language: 'en', text: 'We are closed now.' }] });
    // T0 is a Wednesday morning: open only on Saturday night.
    const closed = { timeZone: 'UTC', periods: [{ day: weekdays[5]!, open: '03:00', close: '03:01' }] };
    await server.context.db.update(queues).set({ operatingHours: closed }).where(eq(queues.id, channel.fallbackQueue.id));
    bot.behaviour = 'menuOnly';
    await server.bot.stop();
    const waiting = await customerOf(channel)('Hi');
    expect(waiting.outOfHoursNotified).toBe(false);
    expect((await messagesOf(waiting.id)).map((m) => m.author)).toEqual(['customer']);
    bot.behaviour = 'error';
    server.bot.start();
    await server.bot.settled();
    const [after] = await server.context.db.select().from(conversations).where(eq(conversations.id, waiting.id));
    expect(after).toMatchObject({ botActive: false, outOfHoursNotified: true });
    expect((await messagesOf(waiting.id)).map((m) => m.body)).toContain('We are closed now.');
  });

  it('hands the bot’s conversations to agents when the bot is removed', async () => {
    const channel = await botChannel([]);
    await server.bot.stop();
    const row = await customerOf(channel)('Hi');
    expect(await deliveriesOf(row.id)).toHaveLength(1);

    const response = await world.admin.fetch(`${server.baseUrl}/api/workstreams/${channel.workstream!.id}/bot`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    const [after] = await server.context.db.select().from(conversations).where(eq(conversations.id, row.id));
    expect(after).toMatchObject({ botActive: false, queueId: channel.fallbackQueue.id, botHandoff: { reason: 'botRemoved' } });
    expect(await deliveriesOf(row.id)).toEqual([]);
    server.bot.start();
  });

  it('hands the bot’s conversations to agents when its workstream is deleted', async () => {
    const channel = await botChannel([]);
    await server.bot.stop();
    const row = await customerOf(channel)('Hi');
    const response = await world.admin.fetch(`${server.baseUrl}/api/workstreams/${channel.workstream!.id}`, { method: 'DELETE' });
    expect(response.status, await response.text()).toBe(204);
    const [after] = await server.context.db.select().from(conversations).where(eq(conversations.id, row.id));
    expect(after).toMatchObject({ botActive: false, workstreamId: null, botHandoff: { reason: 'botRemoved', detail: 'the workstream was deleted' } });
    expect((await messagesOf(row.id)).some((m) => m.note?.code === 'botHandedOver')).toBe(true);
    expect(await deliveriesOf(row.id)).toEqual([]);
    server.bot.start();
  });
});
