import { userInfo } from 'node:os';
import pg from 'pg';
import { provided } from '../vitest/provided';

/** The PostgreSQL server tests use: TEST_DATABASE_URL, or this machine's on 127.0.0.1:5432. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? `postgres://${userInfo().username}@127.0.0.1:5432/test`;
}

/** Whether a PostgreSQL server answers; the reason when it does not. */
export async function probePostgres(url = testDatabaseUrl()): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A database of its own for one test file, dropped at the end: test files run in
 * parallel and must not see each other's rows. Under vitest it is a copy of the run's
 * migrated template (`template: null` for an empty one).
 */
export async function createScratchDatabase(
  prefix: string,
  { template = provided('postgresTemplate') ?? null }: { template?: string | null } = {},
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const adminUrl = testDatabaseUrl();
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
