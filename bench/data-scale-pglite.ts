import { sql } from 'drizzle-orm';
import type { BenchRow } from './report';
import { openDatabase } from '../src/server/db/connect';
import { conversationApi } from './data-scale-api';
import { findFixture, queryCases } from './data-scale-cases';
import { measureCases, primaryKeyLookup, sampleConversationIds } from './data-scale-queries';
import { queryRows } from './data-scale-rows';
import { AFTER_SEED, FULL_SCALE, seedScaleData, type SeedScale } from './data-scale-seed';
import { round } from './data-scale-stats';

/*
 * PGlite runs PostgreSQL in WebAssembly in this process: seeding the full million messages
 * takes about five minutes here, over the whole bench's budget. A tenth of it shows how the
 * same plans behave on the embedded database.
 */
const PGLITE_SCALE: SeedScale = { ...FULL_SCALE, conversations: FULL_SCALE.conversations / 10 };
const AREA = 'Data scale, PGlite (1/10 scale)';
const PGLITE_CASES = /^list no filter|^list waiting for reply, agent|^messages/;

export async function pgliteRows(log: (line: string) => void): Promise<BenchRow[]> {
  log('PGlite: in memory, 1/10 scale');
  const open = await openDatabase({ kind: 'pglite' });
  try {
    const { db } = open;
    const start = process.hrtime.bigint();
    await seedScaleData(async (statement) => (await db.execute(sql.raw(statement))) as unknown as { rows: unknown[] }, PGLITE_SCALE);
    await db.execute(sql.raw(AFTER_SEED));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    log(`  seeded in ${seconds.toFixed(1)} s`);
    const rows: BenchRow[] = [
      {
        area: AREA,
        figure: 'seed (SQL generate_series) + VACUUM ANALYZE',
        value: round(seconds, 1),
        unit: 's',
        note: `${PGLITE_SCALE.conversations} conversations, about ${PGLITE_SCALE.conversations * 10} messages; the full scale would take minutes in WebAssembly`,
      },
    ];
    const fixture = await findFixture(db);
    const app = await conversationApi(db, fixture.viewers);
    try {
      // The slowest shapes only: PGlite answers several times slower, and the bench has four minutes.
      const cases = (await queryCases(app, fixture, false)).filter((item) => PGLITE_CASES.test(item.name));
      const { measured, baseline } = await measureCases(app, cases, primaryKeyLookup(db, await sampleConversationIds(db)), log);
      rows.push(...queryRows(AREA, measured, baseline));
    } finally {
      await app.close();
    }
    return rows;
  } finally {
    await open.close();
  }
}
