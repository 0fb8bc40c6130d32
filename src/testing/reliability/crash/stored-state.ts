import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../../../server/db/connect';
import { lockDataDir } from '../../../server/db/data-dir-lock';
import { inboundJournal, messages, outbox } from '../../../server/db/schema';

export interface OutboundRow {
  body: string;
  twilioSid: string | null;
  status: string;
  errorCode: string | null;
}

/** What the database holds once the server has stopped. */
export interface StoredState {
  journal: number;
  outbox: number;
  /** Inbound messages by MessageSid: how many rows each has. */
  inbound: Map<string, number>;
  /** The agents' replies. */
  outbound: OutboundRow[];
}

/**
 * Reads the server's database from this process. The embedded database serves one process at a
 * time: the server must have stopped, and its data directory is claimed as the server claims it.
 */
export async function readStoredState(target: { dataDir: string; databaseUrl?: string }): Promise<StoredState> {
  const release = target.databaseUrl ? () => undefined : lockDataDir(target.dataDir);
  const database = await openDatabase(
    target.databaseUrl ? { kind: 'postgres', url: target.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: join(target.dataDir, 'pglite') },
  );
  try {
    const { db } = database;
    const [journal] = await db.select({ n: count() }).from(inboundJournal);
    const [queued] = await db.select({ n: count() }).from(outbox);
    const inboundRows = await db
      .select({ sid: messages.twilioSid, n: sql<number>`count(*)::int` })
      .from(messages)
      .where(eq(messages.direction, 'inbound'))
      .groupBy(messages.twilioSid);
    const outbound = await db
      .select({ body: messages.body, twilioSid: messages.twilioSid, status: messages.status, errorCode: messages.errorCode })
      .from(messages)
      .where(eq(messages.author, 'agent'));
    return {
      journal: Number(journal!.n),
      outbox: Number(queued!.n),
      inbound: new Map(inboundRows.map((row) => [row.sid ?? '(no sid)', Number(row.n)])),
      outbound,
    };
  } finally {
    await database.close();
    release();
  }
}

/** PostgreSQL only (it serves other processes while the server runs): webhooks and messages not handled yet. */
export async function pendingWork(databaseUrl: string): Promise<{ journal: number; outbox: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ journal: number; outbox: number }>(
      'select (select count(*) from inbound_journal)::int as journal, (select count(*) from outbox)::int as outbox',
    );
    return rows[0]!;
  } finally {
    await client.end();
  }
}
