import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Conversation, Message } from '@/api/contract/conversation';
import { liveEventSchema, type LiveEvent } from '@/api/contract/live-event';
import { replyWindow } from '@/domain/conversation-window';
import { createConversationRuntime } from './conversation-runtime';
import { mayReceive } from './conversations-db';
import { createMockDb, type MockData } from './db';
import { fakeMessageSid, stepDelivery } from './delivery';
import { demoVerifyOutcome } from './handlers/account-tools';
import { createTestBackend } from './node';
import { demoIds, demoSeed } from './seed';
import { demoConversationIds } from './seed-conversations';
import { receiveInbound, simulateDemoCustomer } from './simulated-traffic';

const { db, server, runtime } = createTestBackend('demo');
const url = (path: string) => `${location.origin}${path}`;
const getJson = async <T>(path: string): Promise<T> => (await fetch(url(path))).json() as Promise<T>;
const post = (path: string, body: unknown, method = 'POST') =>
  fetch(url(path), { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Agents first, as before the workstream had a bot: the bot's part is src/mocks/bot-turns.test.ts. */
function withoutBot(draft: MockData) {
  draft.workstreams.find((w) => w.id === demoIds.supportWorkstream)!.bot = null;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  runtime.reset();
  db.reset();
});
afterAll(() => {
  runtime.stop();
  server.close();
});

describe('the demo seed', () => {
  test('has conversations inside and outside the 24-hour window, a closed one and a failed message with its Twilio code', async () => {
    const now = new Date();
    const { items } = await getJson<{ items: Conversation[] }>('/api/conversations');
    const byId = new Map(items.map((c) => [c.id, c]));
    expect(replyWindow(byId.get(demoConversationIds.mattiParcel)!.lastInboundAt, now).open).toBe(true);
    expect(replyWindow(byId.get(demoConversationIds.oliviaInvoice)!.lastInboundAt, now).open).toBe(true);
    expect(replyWindow(byId.get(demoConversationIds.jordanShipping)!.lastInboundAt, now).open).toBe(false);
    expect(byId.get(demoConversationIds.sofiaClosed)?.status).toBe('closed');
    // Newest first: Matti wrote last.
    expect(items[0]?.id).toBe(demoConversationIds.mattiParcel);

    const jordan = await getJson<{ items: Message[] }>(`/api/conversations/${demoConversationIds.jordanShipping}/messages`);
    expect(jordan.items.find((m) => m.status === 'failed')?.errorCode).toBe('30008');
  });

  test('serves the customer’s photo to a signed-in user', async () => {
    const { items } = await getJson<{ items: Message[] }>(`/api/conversations/${demoConversationIds.mattiParcel}/messages`);
    const photo = items.flatMap((m) => m.media)[0]!;
    expect(photo).toMatchObject({ id: demoConversationIds.parcelPhoto, contentType: 'image/png' });
    const response = await fetch(url(photo.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    expect(bytes.byteLength).toBe(photo.size);
  });

  test('two seeds made moments apart are the same, so a stored demo and a fresh one agree', () => {
    expect(demoSeed()).toEqual(demoSeed());
  });
});

describe('delivery of outbound messages', () => {
  test('steps pending → queued → sent → delivered → read, with Twilio’s SID once queued, and no further', () => {
    const local = createMockDb(demoSeed);
    const olivia = local.data.messages.filter((m) => m.conversationId === demoConversationIds.oliviaInvoice);
    const delivered = olivia.find((m) => m.status === 'delivered')!;
    local.write((draft) => {
      const message = draft.messages.find((m) => m.id === delivered.id)!;
      message.status = 'pending';
      message.twilioSid = null;
    });
    const seen: string[] = [];
    for (;;) {
      const moved = local.write((draft) => stepDelivery(draft, delivered.id));
      if (!moved) break;
      seen.push(moved.status);
      expect(moved.twilioSid).toBe(fakeMessageSid(delivered.id));
    }
    expect(seen).toEqual(['queued', 'sent', 'delivered', 'read']);
  });

  test('a failed message and a customer’s message do not move', () => {
    const local = createMockDb(demoSeed);
    const failed = local.data.messages.find((m) => m.status === 'failed')!;
    const inbound = local.data.messages.find((m) => m.direction === 'inbound')!;
    expect(local.write((draft) => stepDelivery(draft, failed.id))).toBeNull();
    expect(local.write((draft) => stepDelivery(draft, inbound.id))).toBeNull();
  });

  describe('with the demo’s pace', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    test('a sent reply moves on by itself and each step is a live event', async () => {
      const local = createMockDb(demoSeed);
      local.write(withoutBot);
      const timed = createConversationRuntime(local, { deliveryStepsMs: [100, 200, 300, 400] });
      const events: LiveEvent[] = [];
      timed.subscribe((event) => events.push(event));
      const { conversation } = receiveInbound(local, timed, { to: '+14155238886', from: '+358409998877', body: 'Hei' });
      const greeting = local.data.messages.filter((m) => m.conversationId === conversation.id).at(-1)!;
      expect(greeting).toMatchObject({ author: 'automated', status: 'pending' });

      const statusOf = () => local.data.messages.find((m) => m.id === greeting.id)!.status;
      await vi.advanceTimersByTimeAsync(100);
      expect(statusOf()).toBe('queued');
      await vi.advanceTimersByTimeAsync(200);
      expect(statusOf()).toBe('sent');
      await vi.advanceTimersByTimeAsync(700);
      expect(statusOf()).toBe('read');
      const steps = events.flatMap((e) => (e.type === 'message' && e.message.id === greeting.id ? [e.message.status] : []));
      expect(steps).toEqual(['pending', 'queued', 'sent', 'delivered', 'read']);
      timed.stop();
    });
  });

  test('in tests, messages wait until deliverAll', async () => {
    const response = await post(`/api/conversations/${demoConversationIds.oliviaInvoice}/messages`, { kind: 'text', body: 'Checking now.' });
    const sent = (await response.json()) as Message;
    expect(sent.status).toBe('pending');
    runtime.deliverAll();
    const { items } = await getJson<{ items: Message[] }>(`/api/conversations/${demoConversationIds.oliviaInvoice}/messages`);
    expect(items.find((m) => m.id === sent.id)?.status).toBe('read');
  });

  test('Twilio’s 63016 closes the window until the customer writes again, as on the server', async () => {
    const id = demoConversationIds.oliviaInvoice;
    const events: LiveEvent[] = [];
    const unsubscribe = runtime.subscribe((event) => events.push(event));
    runtime.refuseNextReply('63016');
    const sent = (await (await post(`/api/conversations/${id}/messages`, { kind: 'text', body: 'Checking now.' })).json()) as Message;
    const { items } = await getJson<{ items: Message[] }>(`/api/conversations/${id}/messages`);
    expect(items.find((m) => m.id === sent.id)).toMatchObject({ status: 'failed', errorCode: '63016' });
    const closed = await getJson<Conversation>(`/api/conversations/${id}`);
    expect(closed.windowClosedByTwilioAt).toBe(sent.createdAt);
    expect(events).toContainEqual({ type: 'conversation', conversation: expect.objectContaining({ id, windowClosedByTwilioAt: sent.createdAt }) });

    const again = await post(`/api/conversations/${id}/messages`, { kind: 'text', body: 'Are you there?' });
    expect(again.status).toBe(422);
    expect((await again.json()).type).toBe('/problems/window-closed');

    db.write(withoutBot);
    runtime.advance(1000);
    receiveInbound(db, runtime, { to: closed.businessNumber, from: closed.customer.phone, body: 'Still here' });
    expect((await post(`/api/conversations/${id}/messages`, { kind: 'text', body: 'Good, fixed.' })).status).toBe(201);
    unsubscribe();
  });
});

describe('simulated customers', () => {
  beforeEach(() => db.write(withoutBot));

  test('a new customer is routed by the workstream’s rules and greeted; the demo control writes to the sandbox number', () => {
    const finnish = receiveInbound(db, runtime, { to: '+14155238886', from: '+358401234000', body: 'Moi', profileName: 'Aino' });
    expect(finnish.conversation).toMatchObject({ queueId: demoIds.finnishQueue, waitingForReply: true, customer: { profileName: 'Aino' } });
    const invoice = receiveInbound(db, runtime, { to: '+14155238886', from: '+447700900555', body: 'Wrong invoice' });
    expect(invoice.conversation.queueId).toBe(demoIds.billingQueue);

    const simulated = simulateDemoCustomer(db, runtime, 1);
    expect(simulated?.conversation).toMatchObject({ businessNumber: '+14155238886', accountId: demoIds.sandboxAccount });
  });

  test('a customer’s attachment the workstream does not accept is refused politely and not kept', () => {
    db.write((draft) => {
      draft.workstreams.find((w) => w.id === demoIds.supportWorkstream)!.whatsapp!.attachments.customersCanSend = false;
    });
    const { conversation } = receiveInbound(db, runtime, {
      to: '+14155238886',
      from: '+447700900556',
      body: '',
      media: { contentType: 'image/png', filename: 'x.png', bytes: new Uint8Array([1, 2, 3]) },
    });
    const messages = db.data.messages.filter((m) => m.conversationId === conversation.id);
    expect(messages[0]?.media).toEqual([]);
    // After the greeting, before anything the assignment adds.
    expect(messages[2]?.body).toMatch(/can’t receive attachments/);
  });

  test('an unknown number is an error, not a silent conversation', () => {
    expect(() => receiveInbound(db, runtime, { to: '+15550000000', from: '+447700900557', body: 'Hi' })).toThrow(/No account/);
  });
});

describe('live events', () => {
  test('GET /api/events streams each change as a named event with the event as JSON', async () => {
    const controller = new AbortController();
    const response = await fetch(url('/api/events'), { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    receiveInbound(db, runtime, { to: '+14155238886', from: '+447700900558', body: 'Streaming?' });
    while (!text.includes('event: message')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    const frames = text.split('\n\n').filter((frame) => frame.includes('data: '));
    const events = frames.map((frame) => liveEventSchema.parse(JSON.parse(frame.split('data: ')[1]!)));
    expect(events[0]).toMatchObject({ type: 'conversation', conversation: { customer: { phone: '+447700900558' } } });
    expect(frames[0]).toMatch(/^event: conversation\n/);
  });

  test('reach only users who may see the conversation; sandbox news only administrators', () => {
    const agent = db.data.users.find((u) => u.id === demoIds.agentUser)!;
    const admin = db.data.users.find((u) => u.id === demoIds.adminUser)!;
    const billing = receiveInbound(db, runtime, { to: '+14155238886', from: '+447700900559', body: 'invoice' }).conversation;
    const general = receiveInbound(db, runtime, { to: '+14155238886', from: '+447700900560', body: 'hello' }).conversation;
    expect(mayReceive(db.data, agent, { type: 'conversation', conversation: billing })).toBe(false);
    expect(mayReceive(db.data, agent, { type: 'conversation', conversation: general })).toBe(true);
    expect(mayReceive(db.data, admin, { type: 'conversation', conversation: billing })).toBe(true);
    const sandbox = { type: 'sandbox', accountId: demoIds.sandboxAccount, firstInboundAt: new Date().toISOString() } as const;
    expect(mayReceive(db.data, agent, sandbox)).toBe(false);
    expect(mayReceive(db.data, admin, sandbox)).toBe(true);
    // A notification is the assignee's own: not even an administrator gets someone else's.
    const assignment = {
      type: 'assignment',
      conversationId: general.id,
      assigneeId: agent.id,
      notification: { template: 'messagingIncoming', queueName: 'General support', customerName: null, preview: null },
    } as const;
    expect(mayReceive(db.data, agent, assignment)).toBe(true);
    expect(mayReceive(db.data, admin, assignment)).toBe(false);
  });
});

describe('account tools', () => {
  test('verify: the demo rule by the token’s last four characters', async () => {
    expect(['abcd', '0000', '1111', '2222', '3333'].map(demoVerifyOutcome)).toEqual(['ok', 'rejected', 'unreachable', 'suspended', 'closed']);
    const ok = await (await post(`/api/whatsapp-accounts/${demoIds.sandboxAccount}/verify`, {})).json();
    expect(ok).toMatchObject({ ok: true, outcome: 'ok', friendlyName: 'Contoso support (sandbox)', errorCode: null });

    const account = await getJson<{ version: number }>(`/api/whatsapp-accounts/${demoIds.nordicAccount}`);
    await post(`/api/whatsapp-accounts/${demoIds.nordicAccount}`, { version: account.version, authToken: `${'a'.repeat(28)}0000` }, 'PATCH');
    const rejected = await (await post(`/api/whatsapp-accounts/${demoIds.nordicAccount}/verify`, {})).json();
    expect(rejected).toMatchObject({ ok: false, outcome: 'rejected', friendlyName: null, errorCode: '20003' });
  });

  test('sync: adds and updates from Twilio, keeps examples typed here, skips what the channel cannot use; a second sync changes nothing', async () => {
    const first = await (await post(`/api/whatsapp-accounts/${demoIds.sandboxAccount}/templates/sync`, {})).json();
    expect(first).toMatchObject({ added: 2, updated: 1, unchanged: 1 });
    expect(first.skipped.map((s: { name: string }) => s.name)).toEqual(['delivery_card', 'welcome_klingon']);
    const { items } = await getJson<{ items: { name: string; language: string; status: string; contentSid: string | null; examples: string[] }[] }>(
      `/api/whatsapp-accounts/${demoIds.sandboxAccount}/templates`,
    );
    const followUp = items.find((t) => t.name === 'follow_up')!;
    expect(followUp).toMatchObject({ status: 'approved', contentSid: 'HX2223456789abcdef0123456789abcdef', examples: ['Maria'] });
    expect(items.filter((t) => t.name === 'appointment_reminder').map((t) => `${t.language} ${t.status}`).sort()).toEqual(['en approved', 'fi pending']);
    expect(items.find((t) => t.name === 'spring_offer')?.status).toBe('rejected');

    const second = await (await post(`/api/whatsapp-accounts/${demoIds.sandboxAccount}/templates/sync`, {})).json();
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  test('sandbox: the join code is saved without "join" and in lower case; a code with spaces is refused', async () => {
    const status = await getJson<{ isSandbox: boolean; joinCode: string; publicUrlIsLocal: boolean; firstInboundAt: string | null }>(
      `/api/whatsapp-accounts/${demoIds.sandboxAccount}/sandbox`,
    );
    expect(status).toMatchObject({ isSandbox: true, joinCode: 'bright-harbor' });
    expect(status.firstInboundAt).not.toBeNull();
    const saved = await (await post(`/api/whatsapp-accounts/${demoIds.sandboxAccount}/sandbox`, { joinCode: 'join Quiet-River' }, 'PUT')).json();
    expect(saved.joinCode).toBe('quiet-river');
    const refused = await post(`/api/whatsapp-accounts/${demoIds.sandboxAccount}/sandbox`, { joinCode: 'two words' }, 'PUT');
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual([expect.objectContaining({ path: 'joinCode', code: 'field.invalid' })]);
    expect((await getJson<{ isSandbox: boolean }>(`/api/whatsapp-accounts/${demoIds.nordicAccount}/sandbox`)).isSandbox).toBe(false);
  });
});
