// `npm run bench`: every part in turn on this machine, then one table. Each figure that has a
// baseline was measured against it in this same run (the machine is shared and noisy).
import { mkdirSync, writeFileSync } from 'node:fs';
import { assignmentBench } from './assignment';
import { bundleBench } from './bundle';
import { dataScaleBench } from './data-scale';
import { ingestBench } from './ingest';
import { livePathBench } from './live-path';
import { formatRows } from './print';
import type { BenchPart, BenchRow } from './report';
import { uiBench } from './ui';

const parts: BenchPart[] = [bundleBench, ingestBench, livePathBench, assignmentBench, dataScaleBench, uiBench];
const only = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`${line}\n`);

const started = Date.now();
const rows: BenchRow[] = [];
for (const part of parts.filter((p) => only.length === 0 || only.some((name) => p.name.toLowerCase().includes(name.toLowerCase())))) {
  const partStarted = Date.now();
  try {
    rows.push(...(await part.run(log)));
  } catch (error) {
    rows.push({ area: part.name, figure: 'the part failed', value: 0, unit: '', met: false, note: error instanceof Error ? error.message : String(error) });
  }
  log(`${part.name}: ${Math.round((Date.now() - partStarted) / 1000)} s`);
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const table = formatRows(rows);
const missed = rows.filter((row) => row.met === false).length;
const summary = `${rows.length} figures in ${minutes} min on ${new Date().toISOString().slice(0, 10)}; targets met ${rows.filter((row) => row.met).length}, missed ${missed}.`;
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.md', `${table}\n\n${summary}\n`);
process.stdout.write(`\n${table}\n\n${summary}\nThe table is also in bench-results/latest.md.\n`);
