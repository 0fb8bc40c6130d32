import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BenchRow } from './report';
import { conversationApi } from './data-scale-api';
import { findFixture, queryCases, type QueryCase, type ScaleFixture } from './data-scale-cases';
import { createScratchPostgres, type ScratchPostgres } from './data-scale-db';
import {
  captureSql,
  explain,
  measureCases,
  MEASURED_RUNS,
  primaryKeyLookup,
  sampleConversationIds,
  type CapturedQuery,
  type ExplainedQuery,
} from './data-scale-queries';
import { queryRows } from './data-scale-rows';
import { AFTER_SEED, FULL_SCALE, seedScaleData } from './data-scale-seed';
import { round } from './data-scale-stats';

export const EXPLAIN_FILE = 'bench-results/explain.txt';
const AREA = 'Data scale, PostgreSQL';

/** Drops the scratch database when the run is interrupted, not only when it ends. */
function dropOnSignal(database: ScratchPostgres): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    void database.drop().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

async function seed(database: ScratchPostgres, log: (line: string) => void): Promise<BenchRow> {
  const start = process.hrtime.bigint();
  await seedScaleData(async (sql) => {
    const began = Date.now();
    const result = await database.client.query(sql);
    const seconds = (Date.now() - began) / 1000;
    if (seconds >= 1) log(`    ${seconds.toFixed(1)} s: ${sql.trim().split(/\s+/).slice(0, 4).join(' ')}`);
    return result;
  }, FULL_SCALE);
  await database.client.query(AFTER_SEED);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { rows } = await database.client.query<{ conversations: string; messages: string }>(
    'select (select count(*) from conversations) as conversations, (select count(*) from messages) as messages',
  );
  const counts = rows[0]!;
  log(`  seeded ${counts.conversations} conversations, ${counts.messages} messages in ${seconds.toFixed(1)} s`);
  return {
    area: AREA,
    figure: 'seed (SQL generate_series) + VACUUM ANALYZE',
    value: round(seconds, 1),
    unit: 's',
    note: `${counts.conversations} conversations, ${counts.messages} messages (1 % of conversations with 200–800), 200 users, 10 queues; 2-core shared host`,
  };
}

interface PlanSection {
  title: string;
  url?: string;
  queries: ExplainedQuery[];
}

function explainText(sections: readonly PlanSection[], version: string): string {
  const lines = [`EXPLAIN (ANALYZE, BUFFERS) of the data-scale bench, ${new Date().toISOString()}`, version, ''];
  for (const section of sections) {
    lines.push('='.repeat(100), section.title + (section.url ? `\nGET ${section.url}` : ''), '='.repeat(100));
    for (const query of section.queries) {
      lines.push(`-- ${query.usesIndexes ? 'indexes only' : 'SEQ SCAN ON A LARGE TABLE'}`, query.sql, `-- params: ${JSON.stringify(query.params)}`, query.plan, '');
    }
  }
  return lines.join('\n');
}

/** EXPLAIN (ANALYZE, BUFFERS) of every query each case sent, written to EXPLAIN_FILE; the row saying whether all use indexes. */
async function explainCases(database: ScratchPostgres, fixture: ScaleFixture, cases: readonly QueryCase[], baselineQuery: CapturedQuery) {
  const captured = await captureSql(database.url, fixture, cases);
  const sections: PlanSection[] = [{ title: 'baseline: conversation by primary key', queries: [await explain(database.client, baselineQuery)] }];
  const sqlMs = new Map<string, number>();
  for (const queryCase of cases) {
    const queries: ExplainedQuery[] = [];
    for (const query of captured.get(queryCase) ?? []) queries.push(await explain(database.client, query));
    sections.push({ title: queryCase.name, url: queryCase.url, queries });
    sqlMs.set(queryCase.name, queries.reduce((sum, query) => sum + query.executionMs, 0));
  }
  const badCases = sections.filter((section) => section.queries.some((query) => !query.usesIndexes)).map((section) => section.title);
  const version = (await database.client.query<{ version: string }>('select version()')).rows[0]!.version;
  mkdirSync(dirname(EXPLAIN_FILE), { recursive: true });
  writeFileSync(EXPLAIN_FILE, explainText(sections, version));
  const planRow: BenchRow = {
    area: AREA,
    figure: 'plans use indexes (no Seq Scan on conversations or messages)',
    value: badCases.length === 0 ? 1 : 0,
    unit: '1/0',
    target: '1',
    met: badCases.length === 0,
    note: badCases.length === 0 ? `see ${EXPLAIN_FILE}` : `Seq Scan in: ${badCases.join('; ')} (see ${EXPLAIN_FILE})`,
  };
  return { sqlMs, planRow, badCases };
}

export async function postgresRows(log: (line: string) => void): Promise<BenchRow[]> {
  log('PostgreSQL: creating and migrating a scratch database');
  const database = await createScratchPostgres();
  const stopWatching = dropOnSignal(database);
  let app: FastifyInstance | undefined;
  try {
    const rows: BenchRow[] = [await seed(database, log)];
    const { db } = database.open;
    const fixture = await findFixture(db);
    app = await conversationApi(db, fixture.viewers);
    const cases = await queryCases(app, fixture);
    const ids = await sampleConversationIds(db);
    log(`  measuring ${cases.length} requests, ${MEASURED_RUNS} runs each`);
    const { measured, baseline } = await measureCases(app, cases, primaryKeyLookup(db, ids), log);
    const plans = await explainCases(database, fixture, cases, primaryKeyLookup(db, ids)(0).toSQL());
    log(`  plans written to ${EXPLAIN_FILE}; ${plans.badCases.length} case(s) with a sequential scan`);
    rows.push(...queryRows(AREA, measured, baseline, plans.sqlMs), plans.planRow);
    return rows;
  } finally {
    await app?.close();
    await database.drop();
    stopWatching();
  }
}
