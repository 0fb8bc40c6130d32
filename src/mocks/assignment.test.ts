import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { LiveEvent } from '@/api/contract/live-event';
import { REPLY_WINDOW_MS } from '@/domain/conversation-window';
import { weekdays } from '@/domain/operating-hours';
import { runAssignmentPass } from './assignment';
import { toConversation } from './conversations-db';
import type { MockData, StoredQueue } from './db';
import { createTestBackend } from './node';
import { routingStateOf } from './routing-state';
import { demoIds } from './seed';
import { demoConversationIds } from './seed-conversations';
import { receiveInbound } from './simulated-traffic';

const { db, server, runtime } = createTestBackend('demo');
const SANDBOX = '+14155238886';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  runtime.reset();
  db.reset();
});
afterAll(() => {
  runtime.stop();
  server.close();
});

/** Opening hours that exclude the present: one minute, two days from today. */
function closedNow(): StoredQueue['operatingHours'] {
  const today = (new Date().getUTCDay() + 6) % 7;
  return { timeZone: 'UTC', periods: [{ day: weekdays[(today + 2) % 7]!, open: '03:00', close: '03:01' }] };
}

/** The demo's queues always open, so that what is tested does not depend on the hour the test runs. */
function alwaysOpen(draft: MockData) {
  for (const queue of draft.queues) queue.operatingHours = null;
}

const view = (id: string) => toConversation(db.data, db.data.conversations.find((c) => c.id === id)!, runtime.now());
const messagesOf = (id: string) => db.data.messages.filter((m) => m.conversationId === id);

function recordEvents(): LiveEvent[] {
  const events: LiveEvent[] = [];
  runtime.subscribe((event) => events.push(event));
  return events;
}

describe('the routing state the mock hands the domain', () => {
  test('waiting: open, unassigned conversations in a queue and workstream; agents with their queues, presence and holdings', () => {
    const state = routingStateOf(db.data, runtime.now());
    expect(state.waiting.map((c) => c.id)).toEqual([demoConversationIds.oliviaInvoice]);
    expect(state.waiting[0]).toMatchObject({ requiredSkills: [{ name: 'Billing', level: 5 }], previousAgent: null });

    const eero = state.agents.find((a) => a.id === demoIds.agentUser)!;
    expect(eero).toMatchObject({ presence: 'available', capacity: 3, queueIds: [demoIds.generalQueue] });
    // Three open conversations and Sofia's, closed two days ago (the domain drops it: wrap-up is long over).
    expect(eero.holdings.filter((h) => h.closedAt === null)).toHaveLength(3);
    expect(eero.holdings).toHaveLength(4);
    expect(state.agents.find((a) => a.id === demoIds.samAgent)).toMatchObject({ presence: 'busy', queueIds: [demoIds.generalQueue, demoIds.billingQueue] });
  });
});

describe('the assignment pass', () => {
  test('nobody the workstream allows can take a billing conversation: Olivia keeps waiting', () => {
    db.write(alwaysOpen);
    expect(runAssignmentPass(db, runtime)).toEqual([]);
    expect(view(demoConversationIds.oliviaInvoice)).toMatchObject({ assigneeId: null, waitReason: 'noAgent' });
  });

  test('an eligible agent with the skill gets it: assignee, last assignment time, "agent assigned" with their name, live events', () => {
    db.write((draft) => {
      alwaysOpen(draft);
      draft.users.find((u) => u.id === demoIds.priyaAgent)!.presence = 'available';
    });
    const events = recordEvents();
    const before = view(demoConversationIds.oliviaInvoice);

    expect(runAssignmentPass(db, runtime)).toEqual([{ conversationId: demoConversationIds.oliviaInvoice, agentId: demoIds.priyaAgent, reason: 'best' }]);

    const after = view(demoConversationIds.oliviaInvoice);
    expect(after).toMatchObject({ assigneeId: demoIds.priyaAgent, assigneeName: 'Priya Patel', waitReason: null, version: before.version + 1 });
    const lastAssignedAt = db.data.users.find((u) => u.id === demoIds.priyaAgent)!.lastAssignedAt;
    expect(Date.parse(lastAssignedAt!)).toBeGreaterThanOrEqual(Date.parse(before.queuedAt));
    const announced = messagesOf(demoConversationIds.oliviaInvoice).at(-1)!;
    expect(announced).toMatchObject({ direction: 'outbound', author: 'automated', body: 'You are now chatting with Priya Patel.', status: 'pending', note: null });
    expect(events.map((e) => e.type)).toEqual(['conversation', 'message', 'assignment']);
    expect(events[0]).toMatchObject({ type: 'conversation', conversation: { id: demoConversationIds.oliviaInvoice, assigneeId: demoIds.priyaAgent } });
    // Priya's notification, with what the workstream's template shows.
    expect(events[2]).toEqual({
      type: 'assignment',
      conversationId: demoConversationIds.oliviaInvoice,
      assigneeId: demoIds.priyaAgent,
      notification: { template: 'messagingIncomingWithPreview', queueName: 'Billing', customerName: 'Olivia Brown', preview: 'Invoice 2231, I was charged twice.' },
    });

    runtime.deliverAll();
    expect(db.data.messages.find((m) => m.id === announced.id)?.status).toBe('read');
    // Done once: a second pass has nothing left to do.
    expect(runAssignmentPass(db, runtime)).toEqual([]);
  });

  test('outside the 24-hour window the "agent assigned" message becomes a note, which is never delivered', () => {
    db.write((draft) => {
      alwaysOpen(draft);
      draft.users.find((u) => u.id === demoIds.priyaAgent)!.presence = 'available';
    });
    runtime.advance(REPLY_WINDOW_MS);
    runAssignmentPass(db, runtime);
    const note = messagesOf(demoConversationIds.oliviaInvoice).at(-1)!;
    expect(note).toMatchObject({
      direction: 'note',
      author: 'system',
      status: 'note',
      note: { code: 'agentAssignedSkipped', params: { agent: 'Priya Patel' } },
    });
    expect(note.body).toContain('Priya Patel');
    runtime.deliverAll();
    expect(db.data.messages.find((m) => m.id === note.id)?.status).toBe('note');
  });

  test('a closed queue keeps its conversations, which wait for opening', () => {
    db.write((draft) => {
      draft.queues.find((q) => q.id === demoIds.billingQueue)!.operatingHours = closedNow();
      draft.users.find((u) => u.id === demoIds.priyaAgent)!.presence = 'available';
    });
    expect(runAssignmentPass(db, runtime)).toEqual([]);
    expect(view(demoConversationIds.oliviaInvoice).waitReason).toBe('outOfHours');
  });
});

describe('a simulated customer', () => {
  // Agents first, as before the workstream had a bot: the bot's part is src/mocks/bot-turns.test.ts.
  beforeEach(() =>
    db.write((draft) => {
      draft.workstreams.find((w) => w.id === demoIds.supportWorkstream)!.bot = null;
    }),
  );

  test('writing to a closed queue gets the out-of-hours message once, waits, and is assigned when the queue opens', () => {
    db.write((draft) => {
      alwaysOpen(draft);
      draft.queues.find((q) => q.id === demoIds.finnishQueue)!.operatingHours = closedNow();
    });
    const from = '+358401112299';
    const { conversation } = receiveInbound(db, runtime, { to: SANDBOX, from, body: 'Hei' });
    receiveInbound(db, runtime, { to: SANDBOX, from, body: 'Onko ketään?' });
    expect(view(conversation.id)).toMatchObject({ queueId: demoIds.finnishQueue, assigneeId: null, waitReason: 'outOfHours' });
    expect(messagesOf(conversation.id).map((m) => m.body)).toEqual([
      'Hei',
      'Hi! Thanks for writing to Contoso. An agent will be with you shortly.',
      'We are closed right now. We answer on weekdays (Helsinki time) and will be with you when we open.',
      'Onko ketään?',
    ]);

    db.write(alwaysOpen);
    runAssignmentPass(db, runtime);
    // The Finnish rule asks for Finnish: Aino Virtanen has it.
    expect(view(conversation.id)).toMatchObject({ assigneeId: demoIds.ainoAgent, waitReason: null });
    expect(messagesOf(conversation.id).at(-1)?.body).toBe('You are now chatting with Aino Virtanen.');
  });

  test('a new conversation takes the rule’s required skills and is placed in the queue from its arrival', () => {
    db.write(alwaysOpen);
    const { conversation } = receiveInbound(db, runtime, { to: SANDBOX, from: '+447700900999', body: 'My invoice is wrong' });
    const stored = db.data.conversations.find((c) => c.id === conversation.id)!;
    expect(stored).toMatchObject({ queueId: demoIds.billingQueue, requiredSkills: [{ name: 'Billing', level: 5 }], queuedAt: stored.createdAt });
    expect(conversation.waitReason).toBe('noAgent');
  });
});

describe('presence', () => {
  test('setting one’s own presence publishes it and runs the pass', async () => {
    db.write((draft) => {
      alwaysOpen(draft);
      draft.session.userId = demoIds.priyaAgent;
    });
    const events = recordEvents();
    const response = await fetch(`${location.origin}/api/session/presence`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ presence: 'available' }),
    });
    expect(await response.json()).toEqual({ presence: 'available' });
    expect(events[0]).toEqual({ type: 'presence', userId: demoIds.priyaAgent, presence: 'available' });
    expect(view(demoConversationIds.oliviaInvoice).assigneeId).toBe(demoIds.priyaAgent);
  });
});

describe('pending members', () => {
  test('adding a user whose e-mail a queue kept as pending makes them its member', async () => {
    const response = await fetch(`${location.origin}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mikko Lahtinen', email: 'Mikko.Lahtinen@contoso.example', role: 'agent', password: 'a long enough password' }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const finnish = db.data.queues.find((q) => q.id === demoIds.finnishQueue)!;
    expect(finnish.memberIds).toEqual([demoIds.ainoAgent, id]);
    expect(finnish.pendingMembers).toEqual([]);
  });
});
