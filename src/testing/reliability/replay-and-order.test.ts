// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { and, count, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, earlyStatusCallbacks, inboundJournal, messages, outbox } from '../../server/db/schema';
import { createChannel, freshNumber, type Channel } from '../server/channel-fixture';
import { insertConversation } from '../server/conversation-fixture';
import { fakeTwilio, type FakeTwilio } from '../server/fake-twilio';
import { byIntensity, intensityTimeout } from '../server/intensity';
import { describeEachDatabase } from '../server/each-database';
import { signedInUser, startTestServer, type TestServer } from '../server/test-server';
import { inboundEntries, newMessageSid, signedForm, statusEntries, type FormEntries } from '../server/twilio-webhooks';
import { allDeliveries, deliveryArbitrary, type Delivery } from './status-lives';

/** Deliveries of one MessageSid sent at once, each on a connection of its own. */
const REPLAYS = byIntensity(50, 100);
/** MessageSids replayed so, one after the other; then as many all at once, interleaved. */
const REPLAYED_SIDS = byIntensity(3, 5);
/** Orders of a message's callbacks tried (hard: every order of every life, the answer recorded at every point). */
const SAMPLED_DELIVERIES = byIntensity(60, 0);
const SAMPLED_CONCURRENT = byIntensity(30, 0);

const WELCOME = 'Welcome, we will answer soon';

/** POSTs a form on a new TCP connection (no keep-alive, no pool): the status and the local port used. */
function postOnNewConnection(url: string, body: string, signature: string): Promise<{ status: number; localPort: number }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-twilio-signature': signature },
    });
    let localPort = 0;
    request.on('socket', (socket) => socket.on('connect', () => (localPort = socket.localPort ?? 0)));
    request.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, localPort }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describeEachDatabase('replays and callback orders on %s', (kind) => {
  let server: TestServer;
  let twilio: FakeTwilio;
  let channel: Channel;
  /** PostgreSQL: a second instance on the same database, behind the same public address. */
  let second: TestServer | null = null;

  beforeAll(async () => {
    twilio = fakeTwilio();
    server = await startTestServer(kind, {}, undefined, { twilio: twilio.gateway });
    const admin = await signedInUser(server, 'admin');
    channel = await createChannel(server, admin.fetch, { automatedMessages: [{ trigger: 'greeting', language: 'en', text: WELCOME }] });
    if (kind === 'postgres') {
      second = await startTestServer('postgres', { databaseUrl: server.databaseUrl, publicUrl: server.context.config.publicUrl });
      // The instances of one deployment share its APP_SECRET_KEY (a test server makes a key of its own).
      Object.assign(second.context.keyring, server.context.keyring);
    }
  });
  afterAll(async () => {
    await second?.close();
    await server?.close();
  });

  const inboundPath = () => `/webhooks/twilio/whatsapp/${channel.account.id}`;
  const statusPath = () => `/webhooks/twilio/status/${channel.account.id}`;
  const rowCount = async (table: typeof inboundJournal | typeof earlyStatusCallbacks) => (await server.context.db.select({ n: count() }).from(table))[0]!.n;

  describe('the same MessageSid from many connections at once', () => {
    /** Sends every delivery at once, each on its own socket, spread over the instances; all must be answered 200. */
    async function replay(deliveries: { entries: FormEntries }[]) {
      const instances = second ? [server, second] : [server];
      const url = `${server.context.config.publicUrl}${inboundPath()}`;
      const results = await Promise.all(
        deliveries.map(({ entries }, i) => {
          const form = signedForm(channel.authToken, url, entries);
          return postOnNewConnection(`${instances[i % instances.length]!.baseUrl}${inboundPath()}`, form.body, form.signature);
        }),
      );
      expect(results.map((r) => r.status)).toEqual(deliveries.map(() => 200));
      // Each on a connection of its own: as many client ports as deliveries.
      expect(new Set(results.map((r) => r.localPort)).size).toBe(deliveries.length);
      await Promise.all(instances.map((instance) => instance.context.inbound.settled()));
    }

    /** Each sid stored once, its customer's conversation opened once with one greeting, the journal drained. */
    async function expectStoredOnce(sent: { sid: string; from: string }[]) {
      const db = server.context.db;
      expect(await rowCount(inboundJournal), 'the journal drains').toBe(0);
      for (const { sid, from } of sent) {
        const stored = await db.select({ conversationId: messages.conversationId }).from(messages).where(eq(messages.twilioSid, sid));
        expect(stored, sid).toHaveLength(1);
        const opened = await db.select({ id: conversations.id }).from(conversations).where(and(eq(conversations.accountId, channel.account.id), eq(conversations.customerPhone, from)));
        expect(opened).toEqual([{ id: stored[0]!.conversationId }]);
        const bodies = await db.select({ body: messages.body, id: messages.id }).from(messages).where(eq(messages.conversationId, stored[0]!.conversationId));
        expect(bodies.map((m) => m.body).sort()).toEqual([`message ${sid}`, WELCOME].sort());
        const greeting = bodies.find((m) => m.body === WELCOME)!;
        expect(await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.messageId, greeting.id)), 'one greeting in the outbox').toHaveLength(1);
      }
    }

    const webhook = () => {
      const sid = newMessageSid();
      const from = freshNumber();
      return { sid, from, entries: inboundEntries({ from, to: channel.number, body: `message ${sid}`, messageSid: sid, accountSid: channel.account.accountSid }) };
    };

    it(
      `stores a message once when its ${REPLAYS} deliveries arrive at once${kind === 'postgres' ? ' at two instances' : ''}`,
      async () => {
        const sent = [];
        for (let round = 0; round < REPLAYED_SIDS; round++) {
          const one = webhook();
          await replay(Array.from({ length: REPLAYS }, () => one));
          sent.push(one);
        }
        await expectStoredOnce(sent);
      },
      intensityTimeout(60_000, 180_000),
    );

    it(
      `stores each of ${REPLAYED_SIDS} messages once when their deliveries arrive interleaved, all at once`,
      async () => {
        const sent = Array.from({ length: REPLAYED_SIDS }, webhook);
        const perSid = Math.max(2, Math.floor(REPLAYS / REPLAYED_SIDS) * 2);
        const deliveries = Array.from({ length: perSid }, () => sent).flat();
        await replay(fc.sample(fc.shuffledSubarray(deliveries, { minLength: deliveries.length, maxLength: deliveries.length }), 1)[0]!);
        await expectStoredOnce(sent);
      },
      intensityTimeout(60_000, 180_000),
    );
  });

  describe('status callbacks in any order', () => {
    let conversationId: string;
    beforeAll(async () => {
      conversationId = (await insertConversation(server, channel)).id;
      // The greetings the replays queued go first: each trial below sends only its own message.
      await server.outbox.runDue();
    });

    /** An agent's message waiting in the outbox for Twilio. */
    async function pendingMessage(): Promise<string> {
      const db = server.context.db;
      const [message] = await db.insert(messages).values({ conversationId, direction: 'outbound', author: 'agent', body: 'Answer', status: 'pending' }).returning({ id: messages.id });
      await db.insert(outbox).values({ messageId: message!.id, nextAttemptAt: server.context.now().toISOString() });
      return message!.id;
    }

    async function callback(sid: string, report: { status: string; errorCode?: string }): Promise<number> {
      const entries = statusEntries({ sid, status: report.status, errorCode: report.errorCode || undefined, accountSid: channel.account.accountSid, from: channel.number, to: freshNumber() });
      const form = signedForm(channel.authToken, `${server.context.config.publicUrl}${statusPath()}`, entries);
      const response = await fetch(`${server.baseUrl}${statusPath()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': form.signature },
        body: form.body,
      });
      await response.arrayBuffer();
      return response.status;
    }

    /**
     * Sends the message through the outbox while Twilio's callbacks arrive, the outbox recording the
     * MessageSid after the first `recordedAfter` of them: one by one in the order given, or all
     * sent at once, the outbox going on once `recordedAfter` are answered and racing the rest.
     */
    async function deliver({ life, order, recordedAfter }: Delivery, mode: 'one by one' | 'all at once') {
      const messageId = await pendingMessage();
      const sid = newMessageSid();
      twilio.answerNext({ sid });
      const answers: Promise<number>[] = [];
      twilio.state.during = async () => {
        if (mode === 'one by one') {
          for (const report of order.slice(0, recordedAfter)) answers.push(Promise.resolve(await callback(sid, report)));
          return;
        }
        let answered = 0;
        let enough: () => void = () => undefined;
        const waited = new Promise<void>((resolve) => (enough = resolve));
        answers.push(...order.map((report) => callback(sid, report).finally(() => ++answered >= recordedAfter && enough())));
        if (recordedAfter > 0) await waited;
      };
      try {
        expect(await server.outbox.runOnce()).toBe(true);
      } finally {
        twilio.state.during = null;
      }
      if (mode === 'one by one') for (const report of order.slice(recordedAfter)) answers.push(Promise.resolve(await callback(sid, report)));
      const label = `${life.name}: ${order.map((r) => r.status).join(' → ')}, ${mode}, recorded after ${recordedAfter}`;
      expect(await Promise.all(answers), label).toEqual(order.map(() => 200));

      const [row] = await server.context.db.select().from(messages).where(eq(messages.id, messageId));
      expect({ status: row!.status, errorCode: row!.errorCode, twilioSid: row!.twilioSid }, label).toEqual({ ...life.final, twilioSid: sid });
      expect(await server.context.db.select().from(earlyStatusCallbacks).where(eq(earlyStatusCallbacks.twilioSid, sid)), `${label}: early reports are used up`).toEqual([]);
      expect(await server.context.db.select().from(outbox).where(eq(outbox.messageId, messageId))).toEqual([]);
    }

    /** Callbacks kept for the outbox so far (their rows are deleted as they are used: the sequence counts them). */
    async function keptSoFar(): Promise<number> {
      const result = await server.context.db.execute(sql`select last_value, is_called from early_status_callbacks_id_seq`);
      const [row] = (result as unknown as { rows: { last_value: string | number; is_called: boolean }[] }).rows;
      return row!.is_called ? Number(row!.last_value) : 0;
    }

    /** Hard: every order of every life twice one by one, once all at once. */
    const hardOneByOne = allDeliveries(2);
    const hardAllAtOnce = allDeliveries(1);

    async function deliverEach(mode: 'one by one' | 'all at once', sampled: number, every: Delivery[]) {
      const keptBefore = await keptSoFar();
      if (sampled > 0) await fc.assert(fc.asyncProperty(deliveryArbitrary, (delivery) => deliver(delivery, mode)), { numRuns: sampled });
      else for (const delivery of every) await deliver(delivery, mode);
      expect(await rowCount(earlyStatusCallbacks)).toBe(0);
      // How many callbacks came before the outbox had recorded their sid: how it went, not a condition.
      console.log(`${kind}, ${mode}: ${sampled || every.length} messages, ${(await keptSoFar()) - keptBefore} callbacks came before the sid was recorded`);
    }

    it(
      `ends in the life's final status whatever the order, and wherever the outbox records the sid (${byIntensity(`${SAMPLED_DELIVERIES} sampled`, `every order: ${hardOneByOne.length}`)})`,
      () => deliverEach('one by one', SAMPLED_DELIVERIES, hardOneByOne),
      intensityTimeout(60_000, 240_000),
    );

    it(
      `ends in the life's final status when the callbacks arrive all at once, racing the outbox (${byIntensity(`${SAMPLED_CONCURRENT} sampled`, `every order: ${hardAllAtOnce.length}`)})`,
      () => deliverEach('all at once', SAMPLED_CONCURRENT, hardAllAtOnce),
      intensityTimeout(60_000, 240_000),
    );
  });
});
