// @vitest-environment node
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { conversations, earlyStatusCallbacks, inboundJournal, messages } from '../../server/db/schema';
import { parseForm } from '../../server/twilio/signature';
import { readStatus } from '../../server/twilio/webhook-params';
import { createChannel, freshNumber, type Channel } from '../server/channel-fixture';
import { insertConversation } from '../server/conversation-fixture';
import { byIntensity, HARD, intensityTimeout } from '../server/intensity';
import { describeEachDatabase } from '../server/each-database';
import { signedInUser, startTestServer, type TestDatabaseKind, type TestServer } from '../server/test-server';
import { inboundEntries, newMessageSid, statusEntries, type FormEntries } from '../server/twilio-webhooks';
import { applyMutation, genuine, mutationArbitrary, verdictOf, type KnownAccount, type Mutation, type VariantEnv, type WebhookKind, type WebhookRequest } from './webhook-variants';

/** Variants per database: genuine ones about a quarter, interleaved with the forged ones. */
const VARIANTS: Record<TestDatabaseKind, number> = { pglite: byIntensity(1200, 5000), postgres: byIntensity(1000, 5000) };
/** Every tenth variant goes over a real socket; the rest through app.inject (the same routes, hooks and parsers). */
const OVER_HTTP_EVERY = 10;

type Case =
  | { kind: 'inbound'; body: string; profileName: string; toIndex: number; mutation: Mutation }
  | { kind: 'status'; status: string; mutation: Mutation };

/** Text as customers write it, with the characters forms, signatures and databases trip over (NUL among them). */
const customerText = (maxLength: number) =>
  fc.string({
    unit: fc.oneof({ weight: 8, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', '\t', '\u0000', '\u0001', '\u007f', '\u2028', '+', '&', '=', '%', '%20', ' ') }),
    maxLength,
  });

const caseArbitrary: fc.Arbitrary<Case> = fc.oneof(
  fc.record({
    kind: fc.constant('inbound' as const),
    body: customerText(60),
    profileName: customerText(20),
    toIndex: fc.nat({ max: 1 }),
    mutation: mutationArbitrary('inbound'),
  }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom('sent', 'delivered', 'read', 'failed', 'undelivered'),
    mutation: mutationArbitrary('status'),
  }),
);

const knownAccount = (channel: Channel): KnownAccount => ({
  id: channel.account.id,
  authToken: channel.authToken,
  addresses: new Set(channel.account.numbers.map((n) => `whatsapp:${n.number}`)),
});

interface Tally {
  kind: WebhookKind;
  category: string;
  forged: number;
  'signed correctly': number;
  'answered 200': number;
  'answered 400': number;
  'answered 403': number;
}

describeEachDatabase('forged webhooks on %s', (kind) => {
  let server: TestServer;
  let channel: Channel;
  let other: Channel;
  let env: VariantEnv;
  let outboundConversationId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await signedInUser(server, 'admin');
    channel = await createChannel(server, admin.fetch, { numbers: [freshNumber(), freshNumber()] });
    other = await createChannel(server, admin.fetch);
    env = { publicUrl: server.context.config.publicUrl, account: knownAccount(channel), other: knownAccount(other) };
    outboundConversationId = (await insertConversation(server, channel)).id;
  });
  afterAll(async () => {
    await server?.close();
  });

  async function send(request: WebhookRequest, overHttp: boolean): Promise<number> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    if (request.signature !== null) headers['x-twilio-signature'] = request.signature;
    const payload = new URLSearchParams(request.entries).toString();
    if (overHttp) return (await fetch(`${server.baseUrl}${request.path}`, { method: 'POST', headers, body: payload })).status;
    return (await server.app.inject({ method: 'POST', url: request.path, headers, payload })).statusCode;
  }

  /** An outbound message of the account that Twilio has accepted, waiting for its callbacks. */
  async function queuedOutbound(sid: string): Promise<string> {
    const [row] = await server.context.db
      .insert(messages)
      .values({ conversationId: outboundConversationId, direction: 'outbound', author: 'agent', body: 'Answer', status: 'queued', twilioSid: sid })
      .returning({ id: messages.id });
    return row!.id;
  }

  const statusCallback = (sid: string, status: string): FormEntries =>
    statusEntries({
      sid,
      status,
      accountSid: channel.account.accountSid,
      from: channel.number,
      to: freshNumber(),
      errorCode: status === 'failed' || status === 'undelivered' ? '63016' : undefined,
    });

  it(
    'refuses every forged inbound and status webhook with 403 and stores nothing, and stores every genuine one',
    async () => {
      const tallies = new Map<string, Tally>();
      /** What must be stored at the end: the inbound MessageSids and customers accepted, each outbound message's status. */
      const acceptedInbound = new Map<string, string>();
      const outboundStatus = new Map<string, string>();
      let sent = 0;

      await fc.assert(
        fc.asyncProperty(caseArbitrary, async (testCase) => {
          const sid = newMessageSid();
          let entries: FormEntries;
          let from = '';
          let targetId = '';
          if (testCase.kind === 'inbound') {
            from = freshNumber();
            const to = channel.account.numbers[testCase.toIndex]!.number;
            entries = inboundEntries({ from, to, body: testCase.body, profileName: testCase.profileName, messageSid: sid, accountSid: channel.account.accountSid });
          } else {
            targetId = await queuedOutbound(sid);
            outboundStatus.set(targetId, 'queued');
            entries = statusCallback(sid, testCase.status);
          }
          const request = applyMutation(env, testCase.kind, genuine(env, testCase.kind, entries), testCase.mutation, freshNumber);
          const verdict = verdictOf(env, testCase.kind, request);
          const answer = await send(request, sent++ % OVER_HTTP_EVERY === 0);
          expect(answer, `${verdict.why}: ${JSON.stringify(request)}`).toBe(verdict.answer);

          const key = `${testCase.kind}\u0000${testCase.mutation.category}`;
          const tally = tallies.get(key) ?? { kind: testCase.kind, category: testCase.mutation.category, forged: 0, 'signed correctly': 0, 'answered 200': 0, 'answered 400': 0, 'answered 403': 0 };
          tally[verdict.forged ? 'forged' : 'signed correctly']++;
          tally[`answered ${answer}` as 'answered 200' | 'answered 400' | 'answered 403']++;
          tallies.set(key, tally);

          if (answer !== 200) return;
          if (testCase.kind === 'inbound') acceptedInbound.set(sid, from);
          // A status the server does not track is acknowledged and changes nothing.
          else outboundStatus.set(targetId, readStatus(parseForm(new URLSearchParams(request.entries).toString()))!.status ?? 'queued');
        }),
        { numRuns: VARIANTS[kind] },
      );

      await server.context.inbound.settled();
      const db = server.context.db;
      expect((await db.select({ n: count() }).from(inboundJournal))[0]!.n, 'the journal drains').toBe(0);
      expect((await db.select({ n: count() }).from(earlyStatusCallbacks))[0]!.n, 'no callback kept for a MessageSid not stored').toBe(0);

      const inbound = await db.select({ sid: messages.twilioSid }).from(messages).where(eq(messages.direction, 'inbound'));
      expect(new Set(inbound.map((m) => m.sid)), 'exactly the genuine inbound messages are stored').toEqual(new Set(acceptedInbound.keys()));
      expect(inbound).toHaveLength(acceptedInbound.size);

      const opened = await db.select({ id: conversations.id, phone: conversations.customerPhone, accountId: conversations.accountId }).from(conversations);
      expect(opened.filter((c) => c.accountId === other.account.id), 'nothing reached the other account').toEqual([]);
      // One conversation per genuine customer, besides the one the outbound messages are in.
      const customers = opened.filter((c) => c.id !== outboundConversationId).map((c) => c.phone);
      expect(customers.sort(), 'a conversation for each genuine customer, and for no one else').toEqual([...acceptedInbound.values()].sort());

      const outbound = await db.select({ id: messages.id, status: messages.status }).from(messages).where(eq(messages.direction, 'outbound'));
      expect(new Map(outbound.map((m) => [m.id, m.status])), 'only genuine callbacks moved a status').toEqual(outboundStatus);

      const rows = [...tallies.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.category.localeCompare(b.category));
      console.log(`Forged webhooks on ${kind}: ${sent} variants, ${rows.reduce((n, r) => n + r.forged, 0)} forged, ${acceptedInbound.size} inbound and ${[...outboundStatus.values()].filter((s) => s !== 'queued').length} status callbacks accepted`);
      // The table per category is for the full run and docs/reliability.md; npm test keeps the line above.
      if (HARD) console.table(rows);
      expect(sent).toBeGreaterThanOrEqual(VARIANTS[kind]);
    },
    intensityTimeout(90_000, 400_000),
  );
});
