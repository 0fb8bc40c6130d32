import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolder, openDatabase, type DatabaseTarget } from '../../server/db/connect';
import { provided } from '../vitest/provided';
import { createScratchDatabase } from './postgres';

// Migrating a fresh database costs seconds per test file; a copy of one migrated database costs
// one. The global setup makes both copies once per run; test files start from them.

/** Global setup: a PGlite with every migration applied, dumped to a file of its own. */
export async function makePgliteSnapshot(): Promise<{ file: string; remove(): Promise<void> }> {
  const client = new PGlite();
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
    const file = join(tmpdir(), `wa-pglite-migrated-${randomUUID()}.tar`);
    await writeFile(file, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
    return { file, remove: () => rm(file, { force: true }) };
  } finally {
    await client.close();
  }
}

/** Global setup: a migrated PostgreSQL database that test databases are created `TEMPLATE` from. */
export async function makePostgresTemplate(): Promise<{ name: string; drop(): Promise<void> }> {
  const template = await createScratchDatabase('wa_template', { template: null });
  const database = await openDatabase({ kind: 'postgres', url: template.url, poolSize: 1 });
  // CREATE DATABASE ... TEMPLATE refuses a template that anyone is connected to.
  await database.close();
  return { name: template.name, drop: template.drop };
}

let snapshot: Promise<Blob | undefined> | undefined;

/** An in-memory PGlite for a test: from the run's migrated snapshot when there is one. */
export async function pgliteTestTarget(dataDir?: string): Promise<DatabaseTarget> {
  if (dataDir) return { kind: 'pglite', dataDir };
  snapshot ??= loadSnapshot();
  return { kind: 'pglite', loadDataDir: await snapshot };
}

async function loadSnapshot(): Promise<Blob | undefined> {
  const file = provided('pgliteSnapshotFile');
  return file ? new Blob([await readFile(file)]) : undefined;
}
