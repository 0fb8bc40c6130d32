/** Latency samples in milliseconds and their percentiles (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface Latency {
  p50: number;
  p95: number;
  runs: number;
}

export function latencyOf(samples: readonly number[]): Latency {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs: samples.length };
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A cap on a slow case, so that a regression cannot stretch the whole bench: stop after `ms` once `minRuns` are in. */
export interface TimeBudget {
  ms: number;
  minRuns: number;
}

/** Runs `work` `warmup` times untimed, then `runs` times (or until the budget is spent) timed one after another. */
export async function timeAsync(work: (run: number) => Promise<unknown>, warmup: number, runs: number, budget?: TimeBudget): Promise<number[]> {
  for (let run = 0; run < warmup; run++) await work(run);
  const samples: number[] = [];
  const began = process.hrtime.bigint();
  for (let run = 0; run < runs; run++) {
    if (budget && run >= budget.minRuns && elapsedMs(began) > budget.ms) break;
    const start = process.hrtime.bigint();
    await work(run);
    samples.push(elapsedMs(start));
  }
  return samples;
}

export function timeSync(work: (run: number) => unknown, warmup: number, runs: number): number[] {
  for (let run = 0; run < warmup; run++) work(run);
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    work(run);
    samples.push(elapsedMs(start));
  }
  return samples;
}

export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
