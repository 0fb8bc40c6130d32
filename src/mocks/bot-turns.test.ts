import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Conversation, QuickReplyList } from '@/api/contract/conversation';
import type { LiveEvent } from '@/api/contract/live-event';
import { withBotDetail } from '@/api/contract/problem-bodies';
import { runAssignmentPass } from './assignment';
import { takeBotTurn } from './bot-turns';
import { createConversationRuntime } from './conversation-runtime';
import { toConversation } from './conversations-db';
import type { MockData } from './db';
import { createTestBackend } from './node';
import { demoIds } from './seed';
import { demoConversationIds } from './seed-conversations';
import { receiveInbound, simulateDemoCustomer } from './simulated-traffic';

const { db, server, runtime } = createTestBackend('demo');
const SANDBOX = '+14155238886';
const CUSTOMER = '+447700900555';
const url = (path: string) => `${location.origin}${path}`;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  runtime.reset();
  db.reset();
  // What is tested must not depend on the hour the test runs; Priya is the billing agent who can take it.
  db.write((draft: MockData) => {
    for (const queue of draft.queues) queue.operatingHours = null;
    draft.users.find((u) => u.id === demoIds.priyaAgent)!.presence = 'available';
  });
  // The seeded conversations waiting for her are hers before the tests begin.
  runAssignmentPass(db, runtime);
});
afterAll(() => {
  runtime.stop();
  server.close();
});

const view = (id: string): Conversation => toConversation(db.data, db.data.conversations.find((c) => c.id === id)!, runtime.now());
const messagesOf = (id: string) => db.data.messages.filter((m) => m.conversationId === id);
const write = (body: string, from = CUSTOMER) => receiveInbound(db, runtime, { to: SANDBOX, from, body, profileName: 'Grace Hopper' }).conversation;

function recordEvents(): LiveEvent[] {
  const events: LiveEvent[] = [];
  runtime.subscribe((event) => events.push(event));
  return events;
}

describe('a new conversation on a workstream whose bot comes first', () => {
  test('starts with the bot: the greeting, then the menu as the bot’s message, and nobody assigned though agents are free', () => {
    const { id } = write('Hello');
    expect(view(id)).toMatchObject({
      assigneeId: null,
      waitReason: 'bot',
      bot: { name: 'Menu bot', active: true, turns: 1, handoff: null },
      contextVariables: {},
    });
    const [customer, greeting, menu, ...rest] = messagesOf(id);
    expect(customer).toMatchObject({ author: 'customer', body: 'Hello' });
    expect(greeting).toMatchObject({ author: 'automated' });
    expect(menu).toMatchObject({ direction: 'outbound', author: 'bot', authorName: 'Menu bot', status: 'pending' });
    expect(menu!.body).toMatch(/^Hi! How can we help\?\n1 Billing/);
    expect(rest).toEqual([]);

    expect(runAssignmentPass(db, runtime).map((a) => a.conversationId)).not.toContain(id);
    expect(view(id).assigneeId).toBeNull();
  });

  test('nobody takes it from the bot by hand: Accept and transfer answer 409 while the bot has it', async () => {
    const { id } = write('Hello');
    const { version } = view(id);
    for (const [action, body] of [
      ['accept', { version }],
      ['transfer', { version, to: { kind: 'agent', userId: demoIds.priyaAgent } }],
    ] as const) {
      const response = await fetch(url(`/api/conversations/${id}/${action}`), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(409);
      expect(((await response.json()) as { detail: string }).detail).toBe(withBotDetail);
    }
    expect(view(id)).toMatchObject({ assigneeId: null, bot: { active: true } });
  });

  test('the customer’s choice hands over with the topic: the "Billing topic" rule sends it to Billing, where Priya gets it and is told', () => {
    const { id } = write('Hello');
    const events = recordEvents();
    write('1');

    const after = view(id);
    expect(after).toMatchObject({
      queueId: demoIds.billingQueue,
      contextVariables: { topic: 'billing' },
      bot: { active: false, turns: 2, handoff: { reason: 'requested', detail: 'The customer chose “billing” from the menu.' } },
      assigneeId: demoIds.priyaAgent,
    });
    const written = messagesOf(id);
    expect(written.filter((m) => m.author === 'bot').map((m) => m.body).at(-1)).toBe('Thanks! Our billing team will be with you shortly.');
    const note = written.find((m) => m.note?.code === 'botHandedOver');
    expect(note?.note?.params).toEqual({ bot: 'Menu bot', queue: 'Billing', reason: 'requested', detail: 'The customer chose “billing” from the menu.' });

    const assignment = events.find((e) => e.type === 'assignment');
    expect(assignment).toEqual({
      type: 'assignment',
      conversationId: id,
      assigneeId: demoIds.priyaAgent,
      notification: { template: 'messagingIncomingWithPreview', queueName: 'Billing', customerName: 'Grace Hopper', preview: '1' },
    });
  });

  test('more turns than the bot is allowed hands over without asking it: tooManyTurns, routed by the rules to the fallback', () => {
    db.write((draft) => {
      draft.workstreams.find((w) => w.id === demoIds.supportWorkstream)!.bot!.maxTurns = 2;
    });
    const { id } = write('Hello');
    write('what?');
    expect(view(id).bot).toMatchObject({ active: true, turns: 2 });

    write('still here');
    const after = view(id);
    expect(after.bot).toMatchObject({ active: false, turns: 2, handoff: { reason: 'tooManyTurns', detail: '2 turns' } });
    expect(after.queueId).toBe(demoIds.generalQueue);
    expect(after.assigneeId).toBe(demoIds.ainoAgent);
    // The bot said nothing to the third message.
    expect(messagesOf(id).filter((m) => m.author === 'bot')).toHaveLength(2);
  });

  test('a bot naming a queue gets it; variables the workstream does not define, or numbers that are not, are left out and said', () => {
    db.write((draft) => {
      draft.workstreams.find((w) => w.id === demoIds.supportWorkstream)!.advanced.contextVariables.push({ name: 'orderCount', type: 'number' });
    });
    const { id } = write('Hello');
    db.write((draft) =>
      takeBotTurn(draft, id, messagesOf(id)[0]!.id, runtime.now(), () => ({
        handoff: { queue: 'general SUPPORT', variables: { TOPIC: 'orders', orderCount: 'many', colour: 'red' }, reason: 'Asked for a person.' },
      })),
    );
    expect(view(id)).toMatchObject({
      queueId: demoIds.generalQueue,
      contextVariables: { topic: 'orders' },
      bot: { active: false, handoff: { reason: 'requested', detail: 'Asked for a person.; ignored: orderCount (not a number), colour (not defined)' } },
    });
  });

  test('an answer that is not a bot answer, or names a template the account lacks, hands over as malformed', () => {
    const first = write('Hello').id;
    db.write((draft) => takeBotTurn(draft, first, messagesOf(first)[0]!.id, runtime.now(), () => ({ messages: [{ text: '' }] })));
    expect(view(first).bot?.handoff).toMatchObject({ reason: 'malformed', detail: expect.stringMatching(/^messages\.0/) });

    const second = write('Hello', '+447700900556').id;
    db.write((draft) => takeBotTurn(draft, second, messagesOf(second)[0]!.id, runtime.now(), () => ({ messages: [{ template: { name: 'no_such' } }] })));
    expect(view(second).bot?.handoff).toMatchObject({ reason: 'malformed', detail: 'no approved template "no_such"' });
  });

  test('without a bot, a new conversation goes to agents at once', () => {
    db.write((draft) => {
      draft.workstreams.find((w) => w.id === demoIds.supportWorkstream)!.bot = null;
    });
    const { id } = write('Hello');
    expect(view(id)).toMatchObject({ bot: null, assigneeId: demoIds.ainoAgent });
  });

  test('removing the bot hands its conversations to agents (botRemoved) and connects none again', async () => {
    const { id } = write('Hello');
    const response = await fetch(url(`/api/workstreams/${demoIds.supportWorkstream}/bot`), { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(view(id)).toMatchObject({ bot: { active: false, handoff: { reason: 'botRemoved' } }, assigneeId: demoIds.ainoAgent });
    expect(view(demoConversationIds.emmaWithBot).bot).toMatchObject({ active: false, handoff: { reason: 'botRemoved' } });
  });

  test('deleting the workstream hands its bot’s conversations to agents first, waiting for a reply', async () => {
    const { id } = write('Hello');
    const response = await fetch(url(`/api/workstreams/${demoIds.supportWorkstream}`), { method: 'DELETE' });
    expect(response.status).toBe(204);
    const stored = db.data.conversations.find((c) => c.id === id)!;
    expect(stored.bot).toMatchObject({ active: false, handoff: { reason: 'botRemoved', detail: 'the workstream was deleted' } });
    expect(stored.waitingForReply).toBe(true);
  });
});

describe('the demo control’s customers', () => {
  test('write their question, and answer the bot’s menu with their choice the next time', () => {
    // Matti Meikäläinen, new to the demo: his order has not arrived.
    const first = simulateDemoCustomer(db, runtime, 0)!.conversation;
    expect(first.bot).toMatchObject({ active: true });
    const again = simulateDemoCustomer(db, runtime, 0 + 5)!.conversation;
    expect(again.id).toBe(first.id);
    // No rule for orders: his Finnish number's rule decides.
    expect(view(first.id)).toMatchObject({ contextVariables: { topic: 'orders' }, queueId: demoIds.finnishQueue, bot: { active: false } });
    expect(messagesOf(first.id).filter((m) => m.author === 'customer').map((m) => m.body).at(-1)).toBe('2');
  });
});

describe('the bot in the demo answers after a moment', () => {
  test('nothing is said until the bot’s time has passed', async () => {
    const paced = createConversationRuntime(db, { botAnswerMs: 20 });
    const { conversation } = receiveInbound(db, paced, { to: SANDBOX, from: CUSTOMER, body: 'Hello' });
    expect(messagesOf(conversation.id).map((m) => m.author)).toEqual(['customer', 'automated']);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(messagesOf(conversation.id).map((m) => m.author)).toEqual(['customer', 'automated', 'bot']);
    paced.stop();
  });
});

describe('quick replies of a conversation', () => {
  test('in the conversation’s language, filled with the customer, the asking agent, the queue and the context variables', async () => {
    const lucas = await (await fetch(url(`/api/conversations/${demoConversationIds.lucasHandedOver}/quick-replies`))).json() as QuickReplyList;
    expect(lucas.items.map((item) => item.title)).toEqual(['Greeting', 'Billing hours', 'Closing']);
    expect(lucas.items[0]!.text).toBe('Hi Lucas Martin, this is Aino Admin. How can I help?');
    expect(lucas.items[1]!.text).toContain('Billing will get back to you.');

    db.write((draft) => {
      draft.conversations.find((c) => c.id === demoConversationIds.lucasHandedOver)!.language = 'fi';
    });
    const finnish = await (await fetch(url(`/api/conversations/${demoConversationIds.lucasHandedOver}/quick-replies`))).json() as QuickReplyList;
    expect(finnish.items[0]!.text).toBe('Hei Lucas Martin, täällä Aino Admin. Miten voin auttaa?');
  });
});
