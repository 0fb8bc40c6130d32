// @vitest-environment node
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from './app';
import { rotate } from './cli/rotate-key';
import { open, generateSecretKey } from './crypto/secret-box';
import { whatsappAccounts, workstreams } from './db/schema';
import { botSecretContext } from './services/workstream-bot';
import { loggerOptions } from './logging';
import { signedInUser, startTestServer, type TestServer } from '../testing/server/test-server';

/** A token made to be found: if it shows up anywhere in clear, the test fails. */
const MARKER = 'feedc0de'.repeat(4);
const NEW_MARKER = 'c0ffee00'.repeat(4);
/** A bot's shared secret, made to be found the same way. */
const BOT_MARKER = 'b075ec2e'.repeat(4);

let server: TestServer;
const logLines: string[] = [];
let logged: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;

beforeAll(async () => {
  server = await startTestServer('pglite');
  // A second app on the same database, logging at the most verbose level into memory.
  const sink = new Writable({ write: (chunk, _encoding, done) => void (logLines.push(String(chunk)), done()) });
  logged = await buildApp(server.context, { logger: { ...(loggerOptions('trace') as object), stream: sink } });
  await logged.listen({ port: 0, host: '127.0.0.1' });
  const address = logged.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await logged.close();
  await server.close();
});

test('an auth token or bot secret is in no response, no log line and nowhere in the database in clear', async () => {
  const admin = await signedInUser(server, 'admin');
  const responses: string[] = [];
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await admin.fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    responses.push(`${[...response.headers].join('\n')}\n${text}`);
    return text ? (JSON.parse(text) as { id: string; version: number }) : null;
  };
  const account = await send('POST', '/api/whatsapp-accounts', {
    name: 'Marker',
    channel: 'whatsapp',
    accountSid: `AC${'1'.repeat(32)}`,
    authToken: MARKER,
    numbers: [{ name: 'Line', number: '+358401112223' }],
  });
  await send('POST', '/api/whatsapp-accounts', { name: 'Marker', channel: 'whatsapp', accountSid: `AC${'1'.repeat(32)}`, authToken: MARKER, numbers: [] });
  await send('PATCH', `/api/whatsapp-accounts/${account!.id}`, { version: account!.version, authToken: NEW_MARKER });
  await send('PATCH', `/api/whatsapp-accounts/${account!.id}`, { version: 99, authToken: MARKER });
  await send('GET', `/api/whatsapp-accounts/${account!.id}`);
  await send('GET', '/api/whatsapp-accounts');
  const queue = await send('POST', '/api/queues', { name: 'Marker queue', type: 'messaging', priority: 5, memberIds: [], operatingHours: null });
  const workstream = await send('POST', '/api/workstreams', {
    name: 'Marker workstream',
    type: 'messaging',
    channel: 'whatsapp',
    distributionMode: 'push',
    fallbackQueueId: queue!.id,
    capacity: { mode: 'unit', value: 2 },
    blockCapacityForWrapUp: false,
    allowedPresences: ['available'],
    skillMatching: 'none',
    keepSameAgent: false,
    advanced: { notificationTemplate: 'messagingIncoming', contextVariables: [], quickReplies: [] },
  });
  const bot = { name: 'Marker bot', url: 'https://bot.example.com/hook', firstToBot: true, maxTurns: 3 };
  const withBot = await send('PUT', `/api/workstreams/${workstream!.id}/bot`, { version: workstream!.version, ...bot, secret: BOT_MARKER });
  await send('PUT', `/api/workstreams/${workstream!.id}/bot`, { version: 99, ...bot, secret: BOT_MARKER });
  await send('PUT', `/api/workstreams/${workstream!.id}/bot`, { version: withBot!.version, ...bot, url: 'http://bot.example.com', secret: BOT_MARKER });
  await send('GET', `/api/workstreams/${workstream!.id}`);
  await send('GET', '/api/audit-events');
  await logged.close().catch(() => undefined);

  const dump = await server.context.db.execute(sql`
    select string_agg(t::text, E'\n') as rows from (
      select row_to_json(a)::text as t from whatsapp_accounts a
      union all select row_to_json(e)::text from audit_events e
      union all select row_to_json(w)::text from workstreams w
    ) x`);
  const databaseText = JSON.stringify(dump);
  for (const marker of [MARKER, NEW_MARKER, BOT_MARKER]) {
    expect(responses.filter((r) => r.includes(marker)), 'responses').toEqual([]);
    expect(logLines.filter((l) => l.includes(marker)), 'log lines').toEqual([]);
    expect(databaseText.includes(marker), 'database').toBe(false);
  }
  expect(logLines.length).toBeGreaterThan(0);
  expect(responses.some((r) => r.includes('"authToken":"changed"') || r.includes('"changedFields":["authToken"]'))).toBe(true);

  // The sealed value opens to the token set last, and only with this server's key.
  const [row] = await server.context.db.select().from(whatsappAccounts);
  expect(open(server.context.keyring, row!.authTokenSealed, row!.id)).toBe(NEW_MARKER);
  const [sealedBot] = await server.context.db.select().from(workstreams);
  expect(open(server.context.keyring, sealedBot!.botSecretSealed!, botSecretContext(sealedBot!.id))).toBe(BOT_MARKER);
  expect(() => open(server.context.keyring, sealedBot!.botSecretSealed!, row!.id)).toThrow();
});

test('key rotation re-encrypts every token and bot secret with the new key, all or nothing', async () => {
  const next = generateSecretKey();
  const before = await server.context.db.select().from(whatsappAccounts);
  expect(await rotate(server.context.db, server.context.keyring, next)).toEqual({ authTokens: before.length, botSecrets: 1 });
  const after = await server.context.db.select().from(whatsappAccounts);
  for (const row of after) {
    expect(row.authTokenSealed.split('.')[1]).toBe(next.id);
    expect(open({ current: next, previous: [] }, row.authTokenSealed, row.id)).toBe(NEW_MARKER);
  }
  const [bot] = await server.context.db.select().from(workstreams);
  expect(bot!.botSecretSealed!.split('.')[1]).toBe(next.id);
  expect(open({ current: next, previous: [] }, bot!.botSecretSealed!, botSecretContext(bot!.id))).toBe(BOT_MARKER);
  // With a ring that cannot open the tokens, nothing changes.
  await expect(rotate(server.context.db, { current: generateSecretKey(), previous: [] }, generateSecretKey())).rejects.toThrow();
  expect(await server.context.db.select().from(whatsappAccounts)).toEqual(after);
  expect(await server.context.db.select().from(workstreams)).toEqual([bot]);
});
