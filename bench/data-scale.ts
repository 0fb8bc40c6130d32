import { pathToFileURL } from 'node:url';
import type { BenchPart, BenchRow } from './report';
import { pgliteRows } from './data-scale-pglite';
import { postgresRows } from './data-scale-postgres';
import { baselineRuleSet, measureRuleSet, RULE_RUNS, ruleScenarios } from './data-scale-rules';
import { round } from './data-scale-stats';

const RULE_TARGET_MS = 1;

function routingRuleRows(log: (line: string) => void): BenchRow[] {
  const baseline = measureRuleSet(baselineRuleSet.rules, baselineRuleSet.matches);
  const rows: BenchRow[] = [
    { area: 'Routing rules', figure: `baseline: ${baselineRuleSet.name}, p95`, value: round(baseline.p95, 4), unit: 'ms', note: `p50 ${round(baseline.p50, 4)} ms, ${RULE_RUNS} runs` },
  ];
  for (const scenario of ruleScenarios) {
    const latency = measureRuleSet(scenario.rules, scenario.matches);
    log(`  ${scenario.name}: p50 ${latency.p50.toFixed(4)} ms, p95 ${latency.p95.toFixed(4)} ms`);
    rows.push({
      area: 'Routing rules',
      figure: `${scenario.name}, p95 per evaluation`,
      value: round(latency.p95, 4),
      unit: 'ms',
      baseline: { name: baselineRuleSet.name, value: round(baseline.p95, 4) },
      target: `≤ ${RULE_TARGET_MS} ms`,
      met: latency.p95 <= RULE_TARGET_MS,
      note: `p50 ${round(latency.p50, 4)} ms, ${RULE_RUNS} runs of routeConversation (src/domain/routing-rules.ts)`,
    });
  }
  return rows;
}

/** 100k conversations and 1M messages: the conversation list, a messages page and routing rules at scale. */
export const dataScaleBench: BenchPart = {
  name: 'Data at scale',
  async run(log) {
    log('Routing rules');
    const rows = routingRuleRows(log);
    rows.push(...(await postgresRows(log)));
    rows.push(...(await pgliteRows(log)));
    return rows;
  },
};

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  const started = Date.now();
  const rows = await dataScaleBench.run((line) => console.log(line));
  console.table(
    rows.map((row) => ({
      area: row.area,
      figure: row.figure,
      value: `${row.value} ${row.unit}`,
      ratio: row.baseline ? `${(row.value / row.baseline.value).toFixed(1)}×` : '',
      target: row.target ?? '',
      met: row.met === undefined ? '' : row.met ? 'yes' : 'NO',
    })),
  );
  for (const row of rows.filter((item) => item.note)) console.log(`- ${row.figure}: ${row.note}`);
  console.log(`wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
