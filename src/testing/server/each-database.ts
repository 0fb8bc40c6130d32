import { describe } from 'vitest';
import { probePostgres, testDatabaseUrl } from './postgres';
import type { TestDatabaseKind } from './test-server';
import { provided } from '../vitest/provided';

/**
 * The one rule for every test that runs on PostgreSQL. The run probes PostgreSQL once (the
 * global setup; a file run on its own probes here). With REQUIRE_POSTGRES=1 a PostgreSQL that
 * does not answer fails the run. Without it the PostgreSQL suites are still declared, as
 * skipped, inside a suite whose name gives the reason, so the summary counts and explains them.
 */
export const postgres = provided('postgres') ?? (await probePostgres());

if (!postgres.ok && process.env.REQUIRE_POSTGRES === '1') {
  throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer at ${redacted(testDatabaseUrl())}: ${postgres.reason}`);
}

/** The reason a skipped suite gives; scripts/test-summary.mjs groups skipped tests by it. */
export const postgresSkipReason = postgres.ok ? null : `PostgreSQL does not answer (${postgres.reason.replace(/[()]/g, '')})`;

/** Declares what `declare` declares, on PostgreSQL: as it is, or skipped with the reason. */
export function onPostgres(declare: () => void): void {
  if (postgresSkipReason === null) declare();
  else describe.skip(`on PostgreSQL (skipped: ${postgresSkipReason})`, declare);
}

/** Declares the suite on PGlite and on PostgreSQL; `%s` in the title is the database kind. */
export function describeEachDatabase(title: string, body: (kind: TestDatabaseKind) => void): void {
  describe(title.replace('%s', 'pglite'), () => body('pglite'));
  onPostgres(() => describe(title.replace('%s', 'postgres'), () => body('postgres')));
}

/** A suite that only PostgreSQL can run (two instances on one database, races decided by it). */
export function describeOnPostgres(title: string, body: () => void): void {
  onPostgres(() => describe(title, body));
}

function redacted(url: string): string {
  return url.replace(/:[^:@/]+@/, ':***@');
}
