import type { BenchRow } from './report';
import { MEASURED_RUNS, type MeasuredCase } from './data-scale-queries';
import type { Latency } from './data-scale-stats';
import { round } from './data-scale-stats';

export const QUERY_TARGET_MS = 50;

/** The baseline row and one row per request, each as a ratio to the baseline's p95. */
export function queryRows(
  area: string,
  measured: readonly MeasuredCase[],
  baseline: Latency,
  /** The case's SQL time in EXPLAIN ANALYZE (PostgreSQL only), by case name. */
  sqlMs: ReadonlyMap<string, number> = new Map(),
): BenchRow[] {
  const rows: BenchRow[] = [
    {
      area,
      figure: 'baseline: conversation by primary key, p95',
      value: round(baseline.p95),
      unit: 'ms',
      note: `p50 ${round(baseline.p50)} ms, ${baseline.runs} runs spread between the cases`,
    },
  ];
  for (const item of measured) {
    const runs = item.latency.runs < MEASURED_RUNS ? `, only ${item.latency.runs} runs (time cap per case)` : '';
    const sqlTime = sqlMs.get(item.name);
    const server = sqlTime === undefined ? '' : `, SQL ${round(sqlTime)} ms in EXPLAIN ANALYZE`;
    rows.push({
      area,
      figure: `${item.name}, p95`,
      value: round(item.latency.p95),
      unit: 'ms',
      baseline: { name: 'primary-key lookup p95', value: round(baseline.p95) },
      target: `≤ ${QUERY_TARGET_MS} ms`,
      met: item.latency.p95 <= QUERY_TARGET_MS,
      note: `p50 ${round(item.latency.p50)} ms${runs}${server}; the whole route in-process (handler, queries, JSON)`,
    });
  }
  return rows;
}
