import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { Database } from '../src/server/db/database';
import * as schema from '../src/server/db/schema';
import { conversationApi, getAs } from './data-scale-api';
import { rowsOf, type QueryCase, type ScaleFixture } from './data-scale-cases';
import { latencyOf, timeAsync, type Latency, type TimeBudget } from './data-scale-stats';

export const WARMUP_RUNS = 10;
export const MEASURED_RUNS = 200;
/** Baseline runs taken before each case, so that the baseline sees the same moments of a noisy host. */
const BASELINE_RUNS_PER_CASE = 40;
/** A case far over its target needs no 200 runs to show it; the bench as a whole must stay short. */
const CASE_BUDGET: TimeBudget = { ms: 4_000, minRuns: 40 };

export interface MeasuredCase extends QueryCase {
  latency: Latency;
}

/** The floor of a round trip: a conversation by primary key, through the same drizzle and pool. */
export function primaryKeyLookup(db: Database, ids: readonly string[]) {
  return (run: number) => db.select().from(schema.conversations).where(eq(schema.conversations.id, ids[run % ids.length]!));
}

export async function sampleConversationIds(db: Database): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(db, sql`select id from conversations order by hashint8(seq) limit 1000`);
  return rows.map((row) => row.id);
}

export async function measureCases(
  app: FastifyInstance,
  cases: readonly QueryCase[],
  baseline: (run: number) => Promise<unknown>,
  log: (line: string) => void,
): Promise<{ measured: MeasuredCase[]; baseline: Latency }> {
  const baselineSamples: number[] = [];
  const measured: MeasuredCase[] = [];
  for (const queryCase of cases) {
    baselineSamples.push(...(await timeAsync(baseline, 5, BASELINE_RUNS_PER_CASE)));
    const samples = await timeAsync(() => getAs(app, queryCase.viewer, queryCase.url), WARMUP_RUNS, MEASURED_RUNS, CASE_BUDGET);
    const latency = latencyOf(samples);
    log(`  ${queryCase.name}: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms`);
    measured.push({ ...queryCase, latency });
  }
  return { measured, baseline: latencyOf(baselineSamples) };
}

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/**
 * The SQL drizzle sends for each case: the same routes over a second pool whose drizzle
 * logs its queries (the measured pool logs nothing).
 */
export async function captureSql(url: string, fixture: ScaleFixture, cases: readonly QueryCase[]): Promise<Map<QueryCase, CapturedQuery[]>> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let captured: CapturedQuery[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => void captured.push({ sql, params }) };
  const db = drizzle({ client: pool, schema, logger }) as unknown as Database;
  const app = await conversationApi(db, fixture.viewers);
  const byCase = new Map<QueryCase, CapturedQuery[]>();
  try {
    for (const queryCase of cases) {
      captured = [];
      await getAs(app, queryCase.viewer, queryCase.url);
      byCase.set(queryCase, captured);
    }
  } finally {
    await app.close();
    await pool.end();
  }
  return byCase;
}

/** Tables that must never be read whole on a page request. */
const LARGE_TABLES = /Seq Scan on (conversations|messages)\b/;

export interface ExplainedQuery extends CapturedQuery {
  plan: string;
  usesIndexes: boolean;
  /** The server's own time for the query, without the round trip: what the host's load disturbs least. */
  executionMs: number;
}

export async function explain(client: pg.Client, query: CapturedQuery): Promise<ExplainedQuery> {
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.params);
  const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
  const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN);
  return { ...query, plan, usesIndexes: !LARGE_TABLES.test(plan), executionMs };
}
