// Our server, as a process of its own: the product's app on a fresh database, with a channel
// set up through its API like an administrator would, and the bench's questions over IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, inArray } from 'drizzle-orm';
import { inboundJournal, messages } from '../../src/server/db/schema';
import { createChannel } from '../../src/server/testing/channel-fixture';
import { fakeTwilio } from '../../src/server/testing/fake-twilio';
import { signedInUser, startTestServer } from '../../src/server/testing/test-server';
import { announceReady, onStats } from './child-protocol';
import { setUpAgents } from './agents-setup';

const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
/** The live-path bench connects this many agents, spread over ten queues. */
const agentCount = Number(process.argv[3] ?? 0);
const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'bench-pglite-')) : undefined;

const server = await startTestServer(kind, {}, undefined, {
  outbox: 'auto',
  twilio: fakeTwilio().gateway,
  pgliteDataDir: dataDir,
  postgresPoolSize: 10,
});
const admin = await signedInUser(server, 'admin');
const agents = agentCount > 0 ? await setUpAgents(server, agentCount) : undefined;
const channel = await createChannel(server, admin.fetch, { numbers: ['+358401234567'], ...agents?.channel });

announceReady(server.app.server, { accountId: channel.account.id, authToken: channel.authToken, number: channel.number, agentCookies: agents?.cookies });

onStats(
  async (sids) => {
    // Every acknowledged webhook is in the journal or stored: the worker gets a minute to finish, then
    // what it has not stored yet is counted where it waits.
    await Promise.race([server.context.inbound.settled(), new Promise((resolve) => setTimeout(resolve, 60_000))]);
    const counts: number[] = [];
    for (let start = 0; start < sids.length; start += 10_000) {
      const rows = await server.context.db
        .select({ n: count() })
        .from(messages)
        .where(inArray(messages.twilioSid, sids.slice(start, start + 10_000)))
        .groupBy(messages.twilioSid);
      counts.push(...rows.map((row) => row.n));
    }
    const storedSids = new Set<string>();
    for (let start = 0; start < sids.length; start += 10_000) {
      const rows = await server.context.db
        .select({ sid: messages.twilioSid })
        .from(messages)
        .where(inArray(messages.twilioSid, sids.slice(start, start + 10_000)));
      for (const row of rows) storedSids.add(row.sid!);
    }
    const waiting = sids.filter((sid) => !storedSids.has(sid));
    let pending = 0;
    for (let start = 0; start < waiting.length; start += 10_000) {
      const rows = await server.context.db.select({ n: count() }).from(inboundJournal).where(inArray(inboundJournal.messageSid, waiting.slice(start, start + 10_000)));
      pending += rows[0]?.n ?? 0;
    }
    return { found: counts.length + pending, duplicated: counts.filter((n) => n > 1).length, pending };
  },
  async () => {
    await server.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
);
