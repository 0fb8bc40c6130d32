import pg from 'pg';
import { openDatabase } from '../src/server/db/connect';
import type { OpenDatabase } from '../src/server/db/database';
import { createScratchDatabase } from '../src/testing/server/postgres';

/** A database of this bench's own on the local PostgreSQL, migrated as the server migrates on start. */
export interface ScratchPostgres {
  url: string;
  open: OpenDatabase;
  /** One connection outside the pool: seeding (temporary tables) and EXPLAIN. */
  client: pg.Client;
  drop(): Promise<void>;
}

export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const scratch = await createScratchDatabase('bench_scale');
  try {
    const open = await openDatabase({ kind: 'postgres', url: scratch.url });
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    return {
      url: scratch.url,
      open,
      client,
      async drop() {
        await client.end().catch(() => undefined);
        await open.close().catch(() => undefined);
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
