// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('groupCommit', () => {
  it('writes an item at once when nothing else is being written', async () => {
    const writes: number[][] = [];
    const append = groupCommit<number>(async (items) => void writes.push(items), 10);
    await append(1);
    expect(writes).toEqual([[1]]);
  });

  it('gathers the items that arrive during a write into the next one, at most maxBatch at a time', async () => {
    const writes: number[][] = [];
    const append = groupCommit<number>(async (items) => {
      writes.push(items);
      await tick();
    }, 3);
    await Promise.all([1, 2, 3, 4, 5, 6].map((n) => append(n)));
    expect(writes).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('settles each caller only once its own item is written', async () => {
    let release: () => void = () => undefined;
    const append = groupCommit<number>(() => new Promise<void>((resolve) => (release = resolve)), 10);
    let settled = false;
    const pending = append(1).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    release();
    await pending;
    expect(settled).toBe(true);
  });

  it('fails only the item a batch cannot take, retrying the others one by one', async () => {
    const written: number[] = [];
    const append = groupCommit<number>(async (items) => {
      await tick();
      if (items.includes(13)) throw new Error('bad item');
      written.push(...items);
    }, 10);
    const results = await Promise.allSettled([1, 12, 13, 14].map((n) => append(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(written.sort()).toEqual([1, 12, 14]);
  });

  it('goes on writing after a failure', async () => {
    let fail = true;
    const append = groupCommit<number>(async () => {
      if (fail) throw new Error('database away');
    }, 10);
    await expect(append(1)).rejects.toThrow('database away');
    fail = false;
    await expect(append(2)).resolves.toBeUndefined();
  });
});
