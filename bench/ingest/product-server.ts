// Our server, as a process of its own: the product's app on a fresh database, with a channel
// set up through its API like an administrator would, and the bench's questions over IPC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createChannel } from '../../src/testing/server/channel-fixture';
import { fakeTwilio } from '../../src/testing/server/fake-twilio';
import { signedInUser, startTestServer } from '../../src/testing/server/test-server';
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
    // One statement per chunk: one snapshot, in which the worker's transaction has either moved a
    // webhook from the journal to the messages or not (two statements could miss one in between).
    let stored = 0;
    let duplicated = 0;
    let pending = 0;
    for (let start = 0; start < sids.length; start += 10_000) {
      const list = sql.join(
        sids.slice(start, start + 10_000).map((sid) => sql`${sid}`),
        sql`, `,
      );
      const result = await server.context.db.execute(sql`
        with m as (select twilio_sid as sid, count(*) as n from messages where twilio_sid in (${list}) group by twilio_sid),
             j as (select message_sid as sid from inbound_journal where message_sid in (${list}) and message_sid not in (select sid from m))
        select (select count(*) from m)::int as stored, (select count(*) from m where n > 1)::int as duplicated, (select count(*) from j)::int as pending`);
      const row = (result as unknown as { rows: { stored: number; duplicated: number; pending: number }[] }).rows[0]!;
      stored += Number(row.stored);
      duplicated += Number(row.duplicated);
      pending += Number(row.pending);
    }
    return { found: stored + pending, duplicated, pending };
  },
  async () => {
    await server.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
);
