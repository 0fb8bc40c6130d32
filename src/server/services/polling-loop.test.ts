// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPollingLoop, type PollingLoop } from './polling-loop';

interface Gate {
  promise: Promise<void>;
  open(): void;
}

const gates: Gate[] = [];
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  gates.push({ promise, open });
  return { promise, open };
}

/** Lets every pending promise callback run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Work items a fake step takes in order; an item with a gate stays in progress until it opens. */
function fakeWork() {
  const due: { name: string; gate?: Gate; error?: Error }[] = [];
  const done: string[] = [];
  const inProgress = new Set<string>();
  let calls = 0;
  let emptyPasses = 0;
  let mostAtOnce = 0;
  async function step(): Promise<boolean> {
    calls++;
    await Promise.resolve();
    const item = due.shift();
    if (!item) {
      emptyPasses++;
      return false;
    }
    if (item.error) throw item.error;
    inProgress.add(item.name);
    mostAtOnce = Math.max(mostAtOnce, inProgress.size);
    await item.gate?.promise;
    inProgress.delete(item.name);
    done.push(item.name);
    return true;
  }
  return {
    due,
    done,
    inProgress,
    step,
    get calls() {
      return calls;
    },
    get emptyPasses() {
      return emptyPasses;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
  };
}

const loops: PollingLoop[] = [];
function loopOf(step: () => Promise<boolean>, lanes: number, log?: { error(object: object, message: string): void }) {
  const loop = createPollingLoop({ pollMs: 60_000, step, lanes, log, failure: 'the test worker failed' });
  loops.push(loop);
  return loop;
}

afterEach(async () => {
  // A failed expectation may leave a step waiting; stop() would wait for it forever.
  gates.splice(0).forEach((leftOpen) => leftOpen.open());
  await Promise.all(loops.splice(0).map((loop) => loop.stop()));
});

describe('createPollingLoop', () => {
  it('lets another lane take work woken while one lane is stuck on a slow step', async () => {
    const work = fakeWork();
    const slow = gate();
    work.due.push({ name: 'slow bot', gate: slow });
    const loop = loopOf(work.step, 4);
    loop.start();
    await flush();
    expect(work.inProgress).toEqual(new Set(['slow bot']));

    work.due.push({ name: 'quick bot' });
    loop.wake();
    await flush();

    expect(work.done).toEqual(['quick bot']);
    expect(work.inProgress).toEqual(new Set(['slow bot']));
    slow.open();
    await loop.settled();
    expect(work.done).toEqual(['quick bot', 'slow bot']);
  });

  it('never runs more than its lanes at once, and every item gets done', async () => {
    const work = fakeWork();
    const gates = Array.from({ length: 5 }, gate);
    gates.forEach((itemGate, index) => work.due.push({ name: `item ${index}`, gate: itemGate }));
    const loop = loopOf(work.step, 2);
    loop.start();
    loop.wake();
    loop.wake();
    await flush();
    expect(work.inProgress.size).toBe(2);

    for (const itemGate of gates) {
      itemGate.open();
      loop.wake();
      await flush();
    }
    await loop.settled();

    expect(work.mostAtOnce).toBe(2);
    expect([...work.done].sort()).toEqual(['item 0', 'item 1', 'item 2', 'item 3', 'item 4']);
  });

  it('with one lane, runs a single pass when nobody wakes it', async () => {
    const work = fakeWork();
    work.due.push({ name: 'message' });
    const loop = loopOf(work.step, 1);
    loop.start();
    await loop.settled();
    expect(work.done).toEqual(['message']);
    expect(work.emptyPasses).toBe(1);
  });

  it('with one lane, never overlaps passes and turns wakes during a pass into exactly one more', async () => {
    const work = fakeWork();
    const slow = gate();
    work.due.push({ name: 'slow message', gate: slow });
    const loop = loopOf(work.step, 1);
    loop.start();
    await flush();

    work.due.push({ name: 'woken message' });
    loop.wake();
    loop.wake();
    loop.wake();
    await flush();
    expect(work.calls).toBe(1);

    slow.open();
    await loop.settled();
    expect(work.done).toEqual(['slow message', 'woken message']);
    // The first pass runs to its empty poll after taking both; the wakes add one pass, which finds nothing.
    expect(work.emptyPasses).toBe(2);
    expect(work.mostAtOnce).toBe(1);
  });

  it('settles only when no lane runs, including one started while it waited', async () => {
    const work = fakeWork();
    const first = gate();
    const second = gate();
    work.due.push({ name: 'first', gate: first });
    const loop = loopOf(work.step, 2);
    loop.start();
    await flush();
    let settled = false;
    void loop.settled().then(() => (settled = true));

    work.due.push({ name: 'second', gate: second });
    loop.wake();
    await flush();
    first.open();
    await flush();
    expect(settled).toBe(false);

    second.open();
    await flush();
    expect(settled).toBe(true);
  });

  it('waits on stop for every running lane, then ignores wakes', async () => {
    const work = fakeWork();
    const slow = gate();
    const slower = gate();
    work.due.push({ name: 'slow', gate: slow }, { name: 'slower', gate: slower });
    const loop = loopOf(work.step, 2);
    loop.start();
    await flush();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));

    slow.open();
    await flush();
    expect(stopped).toBe(false);
    slower.open();
    await stopping;

    const callsAtStop = work.calls;
    work.due.push({ name: 'after stop' });
    loop.wake();
    await flush();
    expect(work.calls).toBe(callsAtStop);
    expect(work.done).toEqual(['slow', 'slower']);
  });

  it('logs a throwing step with the failure text, and the next wake works', async () => {
    const work = fakeWork();
    const log = { error: vi.fn<(object: object, message: string) => void>() };
    work.due.push({ name: 'broken', error: new TypeError('the database went away') });
    const loop = loopOf(work.step, 2, log);
    loop.start();
    await loop.settled();
    expect(log.error).toHaveBeenCalledWith({ err: { type: 'TypeError', message: 'the database went away' } }, 'the test worker failed');

    work.due.push({ name: 'next' });
    loop.wake();
    await loop.settled();
    expect(work.done).toEqual(['next']);
    expect(log.error).toHaveBeenCalledTimes(1);
  });
});
