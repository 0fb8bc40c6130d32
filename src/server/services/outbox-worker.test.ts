// @vitest-environment node
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { OutboundStatus } from '@/domain/message-status';
import type { PublishedEvent } from '../events/event-bus';
import { loadConfig } from '../config';
import type { WorkerContext } from '../context';
import { generateSecretKey, seal } from '../crypto/secret-box';
import { openDatabase } from '../db/connect';
import type { OpenDatabase } from '../db/database';
import { conversations, earlyStatusCallbacks, messages, outbox, whatsappAccounts } from '../db/schema';
import { createMemoryEventBus } from '../events/memory-event-bus';
import { pgliteTestTarget } from '../../testing/server/database-snapshots';
import { describeEachDatabase, describeOnPostgres } from '../../testing/server/each-database';
import { createScratchDatabase } from '../../testing/server/postgres';
import { fakeTwilio, type FakeTwilio } from '../../testing/server/fake-twilio';
import { TwilioRequestError } from '../twilio/gateway';
import { backoffMs, createOutboxWorker, OUTBOX_DEFAULTS, type OutboxWorker, type OutboxWorkerOptions } from './outbox-worker';
import { applyStatusCallback } from './status-callback';

const BASE_BACKOFF = 10_000;
const options: OutboxWorkerOptions = { baseBackoffMs: BASE_BACKOFF, maxBackoffMs: 600_000, maxAttempts: 4, random: () => 0.5 };

interface Harness {
  database: OpenDatabase;
  context: WorkerContext;
  twilio: FakeTwilio;
  events: PublishedEvent[];
  setNow(date: Date): void;
  close(): Promise<void>;
  /** Another instance's database connection and worker context on the same database (PostgreSQL only). */
  url?: string;
}

async function harness(kind: 'pglite' | 'postgres'): Promise<Harness> {
  const scratch = kind === 'postgres' ? await createScratchDatabase('wa_outbox') : null;
  const database = await openDatabase(scratch ? { kind: 'postgres', url: scratch.url, poolSize: 4 } : await pgliteTestTarget());
  let now = new Date('2026-05-04T10:00:00Z');
  const twilio = fakeTwilio(() => now);
  const events: PublishedEvent[] = [];
  const bus = createMemoryEventBus();
  bus.subscribe((published) => events.push(published));
  return {
    database,
    twilio,
    events,
    url: scratch?.url,
    context: {
      db: database.db,
      keyring: { current: generateSecretKey(), previous: [] },
      config: { ...loadConfig({}), publicUrl: 'https://admin.example.com' },
      now: () => now,
      twilio: twilio.gateway,
      events: bus,
    },
    setNow: (date) => void (now = date),
    async close() {
      await database.close();
      await scratch?.drop();
    },
  };
}

const accountSid = `AC${'1'.repeat(32)}`;
const authToken = randomBytes(16).toString('hex');

/** An account, a conversation, and outbound messages waiting in the outbox, as the send route leaves them. */
async function queued(h: Harness, bodies: string[], conversationId?: string) {
  const db = h.database.db;
  let conversation = conversationId;
  let accountId: string;
  if (!conversation) {
    accountId = randomUUID();
    await db.insert(whatsappAccounts).values({
      id: accountId,
      name: `Account ${accountId}`,
      nameKey: accountId,
      accountSid,
      authTokenSealed: seal(h.context.keyring, authToken, accountId),
      authTokenHint: authToken.slice(-4),
    });
    const customer = `35840${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const [row] = await db
      .insert(conversations)
      .values({ accountId, businessNumber: '+14155238886', customerWaId: customer, customerPhone: `+${customer}`, language: 'fi' })
      .returning();
    conversation = row!.id;
  }
  const ids: string[] = [];
  for (const body of bodies) {
    const at = h.context.now().toISOString();
    const [message] = await db
      .insert(messages)
      .values({ conversationId: conversation, direction: 'outbound', author: 'agent', body, status: 'pending', createdAt: at })
      .returning({ id: messages.id });
    await db.insert(outbox).values({ messageId: message!.id, nextAttemptAt: at });
    ids.push(message!.id);
  }
  return { conversationId: conversation, messageIds: ids };
}

const messageRow = async (h: Harness, id: string) => (await h.database.db.select().from(messages).where(eq(messages.id, id)))[0]!;
const outboxRows = async (h: Harness) => h.database.db.select().from(outbox);

describeEachDatabase('outbox worker on %s', (kind) => {
  let h: Harness;
  let worker: OutboxWorker;

  beforeAll(async () => {
    h = await harness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.database.db.delete(outbox);
    h.twilio.sends.length = 0;
    h.twilio.state.during = null;
    h.twilio.state.delayMs = 0;
    h.events.length = 0;
    worker = createOutboxWorker(h.context, options);
  });

  const advance = (ms: number) => h.setNow(new Date(h.context.now().getTime() + ms));

  it('retries 5xx and unreachable with growing backoff, then records the sid and sends exactly once', async () => {
    const { messageIds } = await queued(h, ['Hello from the outbox']);
    h.twilio.answerNext(new TwilioRequestError('Twilio answered 503', 503, '20503'), new TwilioRequestError('Twilio could not be reached', 0, null));

    expect(await worker.runOnce()).toBe(true);
    let [row] = await outboxRows(h);
    expect(row).toMatchObject({ attempts: 1, lastError: 'Twilio answered 503' });
    const firstDelay = new Date(row!.nextAttemptAt).getTime() - h.context.now().getTime();
    expect(firstDelay).toBe(backoffMs(1, options as Required<OutboxWorkerOptions>, () => 0.5));
    expect(firstDelay).toBe(BASE_BACKOFF * 0.75);
    expect(await worker.runDue()).toBe(0);

    advance(firstDelay);
    expect(await worker.runOnce()).toBe(true);
    [row] = await outboxRows(h);
    expect(row!.attempts).toBe(2);
    const secondDelay = new Date(row!.nextAttemptAt).getTime() - h.context.now().getTime();
    expect(secondDelay).toBe(2 * firstDelay);
    expect((await messageRow(h, messageIds[0]!)).status).toBe('pending');

    advance(secondDelay);
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends.map((s) => s.answered)).toEqual([503, 0, expect.stringMatching(/^SM/)]);
    const sent = await messageRow(h, messageIds[0]!);
    expect(sent).toMatchObject({ status: 'queued', twilioSid: h.twilio.sends[2]!.answered });
    expect(await outboxRows(h)).toHaveLength(0);
    expect(h.events.map((e) => e.event)).toEqual([{ type: 'message', message: expect.objectContaining({ id: messageIds[0], status: 'queued' }) }]);

    advance(24 * 3600_000);
    expect(await worker.runDue()).toBe(0);
    expect(h.twilio.sends).toHaveLength(3);
  });

  it('gives up after the last attempt with Twilio’s code', async () => {
    const { messageIds } = await queued(h, ['Never arrives']);
    for (let i = 0; i < 4; i++) h.twilio.answerNext(new TwilioRequestError('Twilio answered 500', 500, '20500'));
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await worker.runOnce()).toBe(true);
      advance(600_000);
    }
    expect(h.twilio.sends).toHaveLength(4);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'failed', errorCode: '20500', twilioSid: null });
    expect(await outboxRows(h)).toHaveLength(0);
    expect(await worker.runDue()).toBe(0);
  });

  it('fails at once on a 4xx with Twilio’s code', async () => {
    const { messageIds } = await queued(h, ['To a bad number']);
    h.twilio.answerNext(new TwilioRequestError("The 'To' number is not a valid phone number.", 400, '21211'));
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends).toHaveLength(1);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'failed', errorCode: '21211' });
    expect(await outboxRows(h)).toHaveLength(0);
    expect(h.events[0]!.event).toMatchObject({ type: 'message', message: { id: messageIds[0], status: 'failed', errorCode: '21211' } });
  });

  const accountOf = async (conversationId: string) =>
    (await h.database.db.select({ accountId: conversations.accountId }).from(conversations).where(eq(conversations.id, conversationId)))[0]!.accountId;
  const callback = (accountId: string, messageSid: string, status: OutboundStatus, errorCode: string | null = null) =>
    applyStatusCallback(h.context, accountId, { messageSid, status, errorCode });
  const newSid = () => `SM${randomBytes(16).toString('hex')}`;

  it('applies status callbacks that came before Twilio’s answer was recorded, and keeps them no longer', async () => {
    const failing = await queued(h, ['Outside the window']);
    const delivered = await queued(h, ['Fast delivery']);
    const sids = { 'Outside the window': newSid(), 'Fast delivery': newSid() };
    const accountIds = { 'Outside the window': await accountOf(failing.conversationId), 'Fast delivery': await accountOf(delivered.conversationId) };
    h.twilio.answerNext({ sid: sids['Outside the window'] }, { sid: sids['Fast delivery'] });
    const outcomes: string[] = [];
    h.twilio.state.during = async (message) => {
      const body = message.body as keyof typeof sids;
      // Twilio reports while its answer to the send is still on the way.
      if (body === 'Outside the window') outcomes.push(await callback(accountIds[body], sids[body], 'failed', '63016'));
      else outcomes.push(await callback(accountIds[body], sids[body], 'delivered'), await callback(accountIds[body], sids[body], 'sent'));
    };
    expect(await worker.runDue()).toBe(2);

    expect(outcomes).toEqual(['kept', 'kept', 'kept']);
    expect(await messageRow(h, failing.messageIds[0]!)).toMatchObject({ status: 'failed', errorCode: '63016', twilioSid: sids['Outside the window'] });
    expect(await messageRow(h, delivered.messageIds[0]!)).toMatchObject({ status: 'delivered', errorCode: null, twilioSid: sids['Fast delivery'] });
    expect(await h.database.db.select().from(earlyStatusCallbacks).where(inArray(earlyStatusCallbacks.twilioSid, Object.values(sids)))).toEqual([]);
    expect(h.events.map((e) => e.event)).toEqual([
      { type: 'message', message: expect.objectContaining({ id: failing.messageIds[0], status: 'failed', errorCode: '63016' }) },
      // Twilio's 63016 closed the window: the composer hears of it at once.
      { type: 'conversation', conversation: expect.objectContaining({ id: failing.conversationId, windowClosedByTwilioAt: expect.any(String) }) },
      { type: 'message', message: expect.objectContaining({ id: delivered.messageIds[0], status: 'delivered' }) },
    ]);
    // Once the sid is stored, a callback finds the message: a later failure report stays stale.
    expect(await callback(accountIds['Fast delivery'], sids['Fast delivery'], 'read')).toBe('applied');
    expect((await messageRow(h, delivered.messageIds[0]!)).status).toBe('read');
  });

  it('applies only the callbacks of the message’s own account', async () => {
    const { messageIds } = await queued(h, ['Mine']);
    const other = await queued(h, []);
    const sid = newSid();
    h.twilio.answerNext({ sid });
    h.twilio.state.during = async () => void (await callback(await accountOf(other.conversationId), sid, 'failed', '30008'));
    expect(await worker.runDue()).toBe(1);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'queued', errorCode: null, twilioSid: sid });
  });

  it('drops kept callbacks of sids that never appear after a day', async () => {
    const { conversationId } = await queued(h, []);
    const accountId = await accountOf(conversationId);
    const [stale, recent, fresh] = [newSid(), newSid(), newSid()];
    expect(await callback(accountId, stale, 'delivered')).toBe('kept');
    advance(12 * 3600_000);
    expect(await callback(accountId, recent, 'sent')).toBe('kept');
    advance(12 * 3600_000 + 1);
    expect(await callback(accountId, fresh, 'read')).toBe('kept');
    const kept = await h.database.db.select().from(earlyStatusCallbacks).where(inArray(earlyStatusCallbacks.twilioSid, [stale, recent, fresh]));
    expect(kept.map((row) => row.twilioSid).sort()).toEqual([recent, fresh].sort());
  });

  it('does not send again when Twilio may have taken the message without answering: it fails it as “no answer”', async () => {
    const { messageIds } = await queued(h, ['Maybe twice']);
    h.twilio.answerNext(new TwilioRequestError('Twilio did not answer the request to send a message (ECONNABORTED).', 0, null, true));
    expect(await worker.runDue()).toBe(1);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'failed', errorCode: 'no-answer', twilioSid: null });
    expect(await outboxRows(h)).toHaveLength(0);
    expect(h.events[0]!.event).toMatchObject({ type: 'message', message: { id: messageIds[0], status: 'failed', errorCode: 'no-answer' } });
    advance(24 * 3600_000);
    expect(await worker.runDue()).toBe(0);
    expect(h.twilio.sends).toHaveLength(1);
  });

  /** A worker whose process dies during the send: after Twilio took the message (or before), its answer never arrives. */
  function workerDyingInSend(reachesTwilio: boolean): OutboxWorker {
    const dying = {
      ...h.context.twilio,
      async sendMessage(...args: Parameters<typeof h.context.twilio.sendMessage>) {
        if (reachesTwilio) await h.context.twilio.sendMessage(...args);
        return new Promise<never>(() => undefined);
      },
    };
    return createOutboxWorker({ ...h.context, twilio: dying }, options);
  }

  it('after a crash while Twilio answered, finds the message at Twilio and records its sid instead of sending it again', async () => {
    const { messageIds } = await queued(h, ['Answer lost in a crash']);
    void workerDyingInSend(true).runOnce();
    await vi.waitFor(() => expect(h.twilio.sends).toHaveLength(1));
    const [lost] = h.twilio.sends;
    // The restarted server: the row comes back when the dead worker's lease ends.
    expect(await worker.runDue()).toBe(0);
    advance(OUTBOX_DEFAULTS.leaseMs);
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends).toHaveLength(1);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'queued', twilioSid: lost!.answered });
    expect(await outboxRows(h)).toHaveLength(0);
  });

  it('after a crash before the send reached Twilio, sends it once; a failed lookup is retried, still looking first', async () => {
    const { messageIds } = await queued(h, ['Never left']);
    void workerDyingInSend(false).runOnce();
    await vi.waitFor(async () => expect((await outboxRows(h))[0]?.sendingSince).not.toBeNull());
    advance(OUTBOX_DEFAULTS.leaseMs);
    const lookup = vi.spyOn(h.context.twilio, 'listSentMessages').mockRejectedValueOnce(new TwilioRequestError('Twilio answered 503', 503, null));
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends).toHaveLength(0);
    expect((await outboxRows(h))[0]).toMatchObject({ sendingSince: expect.any(String), lastError: 'Twilio answered 503' });
    advance(BASE_BACKOFF * 2);
    expect(await worker.runDue()).toBe(1);
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(h.twilio.sends.map((send) => send.message.body)).toEqual(['Never left']);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'queued', twilioSid: h.twilio.sends[0]!.answered });
  });

  it('a message of the same text sent before the crashed send, or one already stored, is not taken for it', async () => {
    const { messageIds, conversationId } = await queued(h, ['Same words']);
    expect(await worker.runDue()).toBe(1);
    const [conversation] = await h.database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    // Sent from the Twilio console, say: the same words to the same customer, ten minutes before the crashed send.
    const earlier = { from: `whatsapp:${conversation!.businessNumber}`, to: `whatsapp:${conversation!.customerPhone}`, body: 'Same words', statusCallback: '' };
    advance(10 * 60_000);
    h.twilio.sends.push({ credentials: h.twilio.sends[0]!.credentials, message: earlier, answered: `SM${'f'.repeat(32)}`, at: h.context.now() });
    advance(10 * 60_000);
    const { messageIds: again } = await queued(h, ['Same words'], conversationId);
    void workerDyingInSend(false).runOnce();
    await vi.waitFor(async () => expect((await outboxRows(h))[0]?.sendingSince).not.toBeNull());
    advance(OUTBOX_DEFAULTS.leaseMs);
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends).toHaveLength(3);
    expect((await messageRow(h, again[0]!)).twilioSid).toBe(h.twilio.sends[2]!.answered);
    expect((await messageRow(h, messageIds[0]!)).twilioSid).toBe(h.twilio.sends[0]!.answered);
  });

  it('when more than one message at Twilio could be the crashed send, sends nothing and fails it as “no answer”', async () => {
    const { messageIds, conversationId } = await queued(h, ['Twice the same']);
    const [conversation] = await h.database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    void workerDyingInSend(true).runOnce();
    await vi.waitFor(() => expect(h.twilio.sends).toHaveLength(1));
    // Something else sends the same words from our number in that minute (a Studio flow, say).
    const other = { from: `whatsapp:${conversation!.businessNumber}`, to: `whatsapp:${conversation!.customerPhone}`, body: 'Twice the same', statusCallback: '' };
    h.twilio.sends.push({ credentials: h.twilio.sends[0]!.credentials, message: other, answered: `SM${'e'.repeat(32)}`, at: h.context.now() });
    advance(OUTBOX_DEFAULTS.leaseMs);
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends).toHaveLength(2);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'failed', errorCode: 'no-answer', twilioSid: null });
    expect(await outboxRows(h)).toHaveLength(0);
  });

  it('sends a conversation’s messages in order: a later one waits while an earlier one is retried', async () => {
    const first = await queued(h, ['one', 'two']);
    const other = await queued(h, ['elsewhere']);
    h.twilio.answerNext(new TwilioRequestError('Twilio answered 503', 503, null));
    expect(await worker.runDue()).toBe(2);
    expect(h.twilio.sends.map((s) => s.message.body)).toEqual(['one', 'elsewhere']);
    expect((await messageRow(h, first.messageIds[1]!)).status).toBe('pending');
    advance(BASE_BACKOFF);
    expect(await worker.runDue()).toBe(2);
    expect(h.twilio.sends.map((s) => s.message.body)).toEqual(['one', 'elsewhere', 'one', 'two']);
    expect(other.messageIds).toHaveLength(1);
  });

  it('fails a message whose account token this server cannot open, without calling Twilio', async () => {
    const { messageIds, conversationId } = await queued(h, ['sealed elsewhere']);
    const [conversation] = await h.database.db.select().from(conversations).where(eq(conversations.id, conversationId));
    await h.database.db
      .update(whatsappAccounts)
      .set({ authTokenSealed: seal({ current: generateSecretKey(), previous: [] }, authToken, conversation!.accountId) })
      .where(eq(whatsappAccounts.id, conversation!.accountId));
    expect(await worker.runDue()).toBe(1);
    expect(h.twilio.sends).toHaveLength(0);
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'failed', errorCode: null });
  });

  it('polls once started, sends on wake, and stop() waits for the send in flight', async () => {
    const { messageIds } = await queued(h, ['in flight']);
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    h.twilio.state.during = async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 150));
    };
    worker = createOutboxWorker(h.context, { ...options, pollMs: 60_000 });
    worker.start();
    await sending;
    await worker.stop();
    expect(await messageRow(h, messageIds[0]!)).toMatchObject({ status: 'queued' });

    // Stopped: a wake does nothing.
    const later = await queued(h, ['after stop']);
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await messageRow(h, later.messageIds[0]!)).status).toBe('pending');
  });
});

describeOnPostgres('outbox workers of two instances on one PostgreSQL database', () => {
  let h: Harness;
  let second: OpenDatabase;

  beforeAll(async () => {
    h = await harness('postgres');
    second = await openDatabase({ kind: 'postgres', url: h.url!, poolSize: 4 });
  });
  afterAll(async () => {
    await second?.close();
    await h?.close();
  });

  it('never sends the same row twice', async () => {
    h.twilio.state.delayMs = 5;
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(...(await queued(h, [`conversation ${i} first`, `conversation ${i} second`, `conversation ${i} third`])).messageIds);
    const sentBy = { one: 0, two: 0 };
    const counting = (name: keyof typeof sentBy) => ({
      ...h.twilio.gateway,
      sendMessage: (...args: Parameters<typeof h.twilio.gateway.sendMessage>) => {
        sentBy[name]++;
        return h.twilio.gateway.sendMessage(...args);
      },
    });
    const one = createOutboxWorker({ ...h.context, twilio: counting('one') }, { ...options, pollMs: 20 });
    const two = createOutboxWorker({ ...h.context, db: second.db, twilio: counting('two') }, { ...options, pollMs: 20 });
    one.start();
    two.start();
    const deadline = Date.now() + 20_000;
    while ((await outboxRows(h)).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    await Promise.all([one.stop(), two.stop()]);

    expect(await outboxRows(h)).toHaveLength(0);
    // Both instances did part of the work: the rows were really contended.
    expect(sentBy.one).toBeGreaterThan(0);
    expect(sentBy.two).toBeGreaterThan(0);
    const bodies = h.twilio.sends.map((s) => s.message.body);
    expect(bodies).toHaveLength(ids.length);
    expect(new Set(bodies).size).toBe(ids.length);
    for (let i = 0; i < 8; i++) {
      const order = bodies.filter((b) => b!.startsWith(`conversation ${i} `));
      expect(order).toEqual([`conversation ${i} first`, `conversation ${i} second`, `conversation ${i} third`]);
    }
    const rows = await h.database.db.select().from(messages).where(inArray(messages.id, ids));
    expect(rows.every((row) => row.status === 'queued' && row.twilioSid !== null)).toBe(true);
  });
});
