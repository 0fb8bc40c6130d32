import pg from 'pg';
import { openDatabase } from '../src/server/db/connect';
import type { OpenDatabase } from '../src/server/db/database';
import { testDatabaseUrl } from '../src/server/testing/postgres';

/** A database of this bench's own on the local PostgreSQL, migrated as the server migrates on start. */
export interface ScratchPostgres {
  url: string;
  name: string;
  open: OpenDatabase;
  /** One connection outside the pool: seeding (temporary tables) and EXPLAIN. */
  client: pg.Client;
  drop(): Promise<void>;
}

async function onAdminConnection<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function createScratchPostgres(): Promise<ScratchPostgres> {
  const name = `bench_scale_${process.pid}`;
  await onAdminConnection(async (admin) => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  });
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  const drop = () => onAdminConnection((admin) => admin.query(`drop database if exists "${name}" with (force)`)).then(() => undefined);
  try {
    const open = await openDatabase({ kind: 'postgres', url: url.toString() });
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return {
      url: url.toString(),
      name,
      open,
      client,
      async drop() {
        await client.end().catch(() => undefined);
        await open.close().catch(() => undefined);
        await drop();
      },
    };
  } catch (error) {
    await drop();
    throw error;
  }
}
