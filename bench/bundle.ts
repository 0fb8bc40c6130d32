import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchPart, BenchRow } from './report';

const run = promisify(execFile);

interface BudgetReport {
  mode: string;
  initialGzipKB: number;
  budgetKB: number;
}

/** The initial JavaScript of a build, as the budget check in `npm test` measures it. */
async function measure(mode: 'production' | 'demo'): Promise<BudgetReport> {
  const args = ['scripts/check-bundle-budget.mjs', '--json', ...(mode === 'demo' ? ['--mode', 'demo'] : [])];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as BudgetReport;
}

export const bundleBench: BenchPart = {
  name: 'UI budget',
  async run(log) {
    log('bundle: building the app and the demo');
    const rows: BenchRow[] = [];
    for (const mode of ['production', 'demo'] as const) {
      const report = await measure(mode);
      rows.push({
        area: 'UI budget',
        figure: `initial JavaScript, ${mode === 'demo' ? 'demo' : 'real app'} build (gzip)`,
        value: report.initialGzipKB,
        unit: 'KB',
        baseline: { name: 'the budget', value: report.budgetKB },
        target: `≤ ${report.budgetKB} KB`,
        met: report.initialGzipKB <= report.budgetKB,
      });
    }
    return rows;
  },
};
