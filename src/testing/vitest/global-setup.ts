import type { TestProject } from 'vitest/node';
import { makePgliteSnapshot, makePostgresTemplate } from '../server/database-snapshots';
import { probePostgres, testDatabaseUrl } from '../server/postgres';

/** Once per run, before any server test file: the PostgreSQL probe and the migrated databases. */
export default async function setup(project: TestProject) {
  const postgres = await probePostgres();
  if (!postgres.ok && process.env.REQUIRE_POSTGRES === '1') {
    throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer at ${testDatabaseUrl().replace(/:[^:@/]+@/, ':***@')}: ${postgres.reason}`);
  }
  const snapshot = await makePgliteSnapshot();
  const template = postgres.ok ? await makePostgresTemplate() : null;
  project.provide('postgres', postgres);
  project.provide('pgliteSnapshotFile', snapshot.file);
  project.provide('postgresTemplate', template?.name ?? null);
  return async () => {
    await snapshot.remove();
    await template?.drop();
  };
}
