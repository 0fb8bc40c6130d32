// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createAssignmentWorker } from './assignment';

/** A context whose passes only count themselves and take a little time: the worker's scheduling alone is under test. */
function countingContext() {
  const passes: { started: number; ended?: number }[] = [];
  let clock = 0;
  const db = {
    async transaction() {
      const pass: { started: number; ended?: number } = { started: ++clock };
      passes.push(pass);
      await new Promise((resolve) => setTimeout(resolve, 20));
      pass.ended = ++clock;
      return [];
    },
  };
  const context = { db, now: () => new Date(), events: { publish: async () => undefined }, wakeOutbox: () => undefined };
  return { passes, context: context as unknown as Parameters<typeof createAssignmentWorker>[0] };
}

describe('the assignment worker', () => {
  it('runs one more pass for every request made while a pass runs, shared by all of them', async () => {
    const { passes, context } = countingContext();
    const worker = createAssignmentWorker(context, { sweepMs: 60_000 });
    const first = worker.request();
    const during = Array.from({ length: 9 }, () => worker.request());
    await Promise.all([first, ...during]);
    expect(passes).toHaveLength(2);
    // Those who asked during the first pass are answered by the second, which started after they asked.
    expect(passes[1]!.started).toBeGreaterThan(passes[0]!.ended!);
    await worker.request();
    expect(passes).toHaveLength(3);
    await worker.stop();
  });

  it('stops sweeping once stopped, after the pass in flight', async () => {
    const { passes, context } = countingContext();
    const worker = createAssignmentWorker(context, { sweepMs: 5 });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 80));
    await worker.stop();
    const count = passes.length;
    expect(count).toBeGreaterThan(1);
    expect(passes.every((p) => p.ended !== undefined)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.request();
    expect(passes).toHaveLength(count);
  });
});
