// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { startTwilioSimulator, type TwilioSimulator } from '@/twilio-sim/server';
import { HARD } from '../server/intensity';
import { describeEachDatabase } from '../server/each-database';
import { createScratchDatabase } from '../server/postgres';
import { signedForm } from '../server/twilio-webhooks';
import { createChannel } from '../server/channel-fixture';
import type { TestServer } from '../server/test-server';
import { eventually, filesContaining, serverApi } from './server-api';
import { freePortInRange, startServerProcess, type ServerProcess } from './server-process';

/*
 * A unique marker is the account's auth token. It travels every path a token can take:
 * create, update, verify, template sync, inbound webhooks and media, outbound messages and
 * their status callbacks, refusals and errors, the audit log, the server's own logs at the
 * most verbose level. Afterwards the marker must be nowhere in clear: not in a response,
 * not in the server's output, not in a dump of the database, not in its files on disk.
 */

const ACCOUNT_SID = `AC${randomBytes(16).toString('hex')}`;
const CUSTOMER = '+358401239876';

/** The forms a token can take in clear: itself and inside an HTTP Basic credential. */
function clearForms(token: string): string[] {
  return [token, Buffer.from(`${ACCOUNT_SID}:${token}`).toString('base64'), token.toUpperCase()];
}

describeEachDatabase('a unique auth token is found nowhere in clear (%s)', (kind) => {
  const marker = randomBytes(16).toString('hex');
  const wrongMarker = randomBytes(16).toString('hex');
  let simulator: TwilioSimulator;
  let server: ServerProcess;
  let dataDir: string;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;

  beforeAll(async () => {
    simulator = await startTwilioSimulator({
      accounts: [{ accountSid: ACCOUNT_SID, authToken: marker, friendlyName: 'Marker account', inboundUrl: null, sandbox: { number: TWILIO_SANDBOX_NUMBER, joinCode: 'marker-test' } }],
      delaysMs: { sent: 0, delivered: 0, read: 0 },
      outOfOrder: 'never',
    });
    dataDir = mkdtempSync(join(tmpdir(), 'wa-secret-marker-'));
    scratch = kind === 'postgres' ? await createScratchDatabase('wa_marker') : null;
    server = await startServerProcess({ port: await freePortInRange(4700, 4799), dataDir, databaseUrl: scratch?.url, twilioApiBaseUrl: simulator.url, logLevel: 'trace' });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('through create, update, verify, sync, webhooks, media, sending, errors, audit, logs and the database', { timeout: 180_000 }, async () => {
    const api = await serverApi(server);
    const { account } = await createChannel({ baseUrl: server.publicUrl } as TestServer, api.fetch, {
      credentials: { accountSid: ACCOUNT_SID, authToken: marker },
      numbers: [TWILIO_SANDBOX_NUMBER],
      distributionMode: 'push',
    });

    // Refusals that carry the token in their request: a duplicate, a malformed token, a stale version.
    // A duplicate by its name (the sandbox number may belong to several accounts).
    const accountInput = { name: account.name, channel: 'whatsapp', accountSid: ACCOUNT_SID, authToken: marker, numbers: [{ name: 'Sandbox', number: TWILIO_SANDBOX_NUMBER }] };
    expect((await api.call('POST', '/api/whatsapp-accounts', accountInput)).status).toBe(409);
    expect((await api.call('POST', '/api/whatsapp-accounts', { ...accountInput, authToken: `${marker}!` })).status).toBe(400);
    expect((await api.call('POST', '/api/whatsapp-accounts', { ...accountInput, authToken: { value: marker } })).status).toBe(400);
    expect((await api.call('PATCH', `/api/whatsapp-accounts/${account.id}`, { version: 999, authToken: marker })).status).toBe(409);

    expect(await api.json('POST', `/api/whatsapp-accounts/${account.id}/verify`)).toMatchObject({ ok: true });
    await api.json('POST', `/api/whatsapp-accounts/${account.id}/templates/sync`);

    // Twilio's side: the customer joins the sandbox and sends a photo; the server fetches it with the token.
    const inboundUrl = `${server.publicUrl}/webhooks/twilio/whatsapp/${account.id}`;
    simulator.setInboundUrl(ACCOUNT_SID, inboundUrl);
    await simulator.sendInbound({ accountSid: ACCOUNT_SID, from: CUSTOMER, to: TWILIO_SANDBOX_NUMBER, body: 'join marker-test' });
    await simulator.sendInbound({
      accountSid: ACCOUNT_SID,
      from: CUSTOMER,
      to: TWILIO_SANDBOX_NUMBER,
      body: 'Here is the photo',
      media: [{ contentType: 'image/png', bytes: Buffer.from('89504e470d0a1a0a', 'hex') }],
    });
    const conversation = await eventually(async () => {
      const page = await api.json<{ items: { id: string }[] }>('GET', '/api/conversations');
      return page.items[0];
    }, 'the customer’s conversation');
    const history = await eventually(async () => {
      const page = await api.json<{ items: { media: { id: string }[] }[] }>('GET', `/api/conversations/${conversation.id}/messages`);
      return page.items.find((message) => message.media.length > 0);
    }, 'the photo stored');
    expect((await api.call('GET', `/api/media/${history.media[0]!.id}`)).status).toBe(200);

    // An answer goes out through the outbox with the token; its status callbacks come back signed with it.
    await api.json('POST', `/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'Thanks, received.' });
    await simulator.waitForSent((sent) => sent.body === 'Thanks, received.', 30_000);
    await eventually(async () => {
      const page = await api.json<{ items: { body: string | null; status: string }[] }>('GET', `/api/conversations/${conversation.id}/messages`);
      return page.items.some((message) => message.body === 'Thanks, received.' && message.status === 'read') || undefined;
    }, 'the answer read');

    // Forged webhooks: signed with another token, and with the token over another address.
    const forged = signedForm(wrongMarker, inboundUrl, [['AccountSid', ACCOUNT_SID], ['From', `whatsapp:${CUSTOMER}`], ['To', `whatsapp:${TWILIO_SANDBOX_NUMBER}`], ['Body', marker], ['MessageSid', `SM${'0'.repeat(32)}`]]);
    expect((await api.raw('POST', `/webhooks/twilio/whatsapp/${account.id}`, forged.body, { 'x-twilio-signature': forged.signature })).status).toBe(403);
    const elsewhere = signedForm(marker, 'https://attacker.example/hook', [['MessageSid', `SM${'1'.repeat(32)}`], ['MessageStatus', 'delivered']]);
    expect((await api.raw('POST', `/webhooks/twilio/status/${account.id}`, elsewhere.body, { 'x-twilio-signature': elsewhere.signature })).status).toBe(403);

    // A wrong token: Twilio refuses it at verify, sync and sending, and those errors reach logs and answers.
    const current = await api.json<{ version: number }>('GET', `/api/whatsapp-accounts/${account.id}`);
    await api.json('PATCH', `/api/whatsapp-accounts/${account.id}`, { version: current.version, authToken: wrongMarker });
    expect(await api.json('POST', `/api/whatsapp-accounts/${account.id}/verify`)).toMatchObject({ ok: false, outcome: 'rejected' });
    expect((await api.call('POST', `/api/whatsapp-accounts/${account.id}/templates/sync`)).status).toBe(409);
    await api.json('POST', `/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'This one is refused.' });
    await eventually(async () => {
      const page = await api.json<{ items: { body: string | null; status: string }[] }>('GET', `/api/conversations/${conversation.id}/messages`);
      return page.items.some((message) => message.body === 'This one is refused.' && message.status === 'failed') || undefined;
    }, 'the refused send failed');
    const audit = await api.json<{ items: unknown[] }>('GET', '/api/audit-events');
    expect(JSON.stringify(audit)).toContain('authToken');
    await api.json('GET', '/api/whatsapp-accounts');
    await api.call('DELETE', '/api/session');

    await server.stop();
    const dump = kind === 'postgres' ? await postgresDump(scratch!.url) : await pgliteDump(join(dataDir, 'pglite'));

    // The test saw the paths it claims: the token was used at Twilio, every request and failure was logged.
    expect(simulator.sentMessages().length).toBeGreaterThanOrEqual(1);
    expect(server.output()).toContain('"msg":"outbound message failed"');
    expect(server.output()).toContain('/verify');
    expect(dump).toContain(ACCOUNT_SID);

    for (const secret of [marker, wrongMarker]) {
      for (const form of clearForms(secret)) {
        expect(api.responses().filter((response) => response.includes(form)), 'responses').toEqual([]);
        expect(server.output().includes(form), 'server logs and output').toBe(false);
        expect(dump.includes(form), 'database dump').toBe(false);
        expect(filesContaining(dataDir, form), 'files in the data directory').toEqual([]);
      }
    }
  });
});

/** Every row of every table in the schema, as text. */
const DUMP_SQL = `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`;

async function pgliteDump(dir: string): Promise<string> {
  const db = await PGlite.create(dir);
  try {
    const tables = await db.query<{ table_name: string }>(DUMP_SQL);
    const parts: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await db.query<{ row: string }>(`select row_to_json(t)::text as row from "${table_name}" t`);
      parts.push(`-- ${table_name}`, ...rows.rows.map((r) => r.row));
    }
    return parts.join('\n');
  } finally {
    await db.close();
  }
}

async function postgresDump(url: string): Promise<string> {
  const parts: string[] = [];
  // pg_dump, when installed, is the dump an operator would take; the query dump works everywhere.
  if (HARD || existsSync('/usr/bin/pg_dump')) {
    try {
      parts.push(execFileSync('pg_dump', ['--data-only', url], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
    } catch (error) {
      if (HARD) throw error;
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(DUMP_SQL);
    for (const { table_name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`select row_to_json(t)::text as row from "${table_name}" t`);
      parts.push(`-- ${table_name}`, ...rows.rows.map((r) => r.row));
    }
  } finally {
    await client.end();
  }
  return parts.join('\n');
}
