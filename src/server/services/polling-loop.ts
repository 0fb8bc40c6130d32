export interface PollingLoop {
  start(): void;
  /** Stops polling and waits for every lane still running. */
  stop(): Promise<void>;
  /** Starts idle lanes now, or asks a running lane for one more pass when all are busy. */
  wake(): void;
  /** Resolves once no lane is running, including lanes started while waiting (for tests). */
  settled(): Promise<void>;
}

/**
 * A worker's rhythm: passes on a timer and on wake-ups in up to `lanes` independent lanes. A lane
 * runs `step` until it finds nothing due, then ends unless a wake-up came while all lanes were
 * busy; a wake-up with a lane free starts lanes at once, so one slow step (a bot's timeout) never
 * holds up work that became due meanwhile. With one lane there is never more than one pass at a
 * time, and a wake-up during a pass asks for exactly one more. A step that throws ends its pass
 * with `failure` logged; the next wake-up or poll tries again.
 */
export function createPollingLoop(options: {
  pollMs: number;
  step: () => Promise<boolean>;
  lanes?: number;
  log?: { error(object: object, message: string): void };
  failure: string;
}): PollingLoop {
  const laneLimit = Math.max(1, options.lanes ?? 1);
  const running = new Set<Promise<void>>();
  let timer: ReturnType<typeof setInterval> | null = null;
  let wokenWhileBusy = false;
  let stopped = true;

  async function pass(): Promise<void> {
    try {
      while (!stopped && (await options.step()));
    } catch (error) {
      options.log?.error({ err: { type: (error as Error).name, message: (error as Error).message } }, options.failure);
    }
  }

  async function lane(): Promise<void> {
    for (;;) {
      await pass();
      // Checked in the same tick as the pass's end, so a wake-up is either seen here or starts a lane.
      if (stopped || !wokenWhileBusy) return;
      wokenWhileBusy = false;
    }
  }

  function startLane(): void {
    const runningLane: Promise<void> = lane().finally(() => running.delete(runningLane));
    running.add(runningLane);
  }

  function wake(): void {
    if (stopped) return;
    if (running.size >= laneLimit) {
      wokenWhileBusy = true;
      return;
    }
    while (running.size < laneLimit) startLane();
  }

  async function settled(): Promise<void> {
    while (running.size > 0) await Promise.all(running);
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setInterval(wake, options.pollMs);
      timer.unref();
      wake();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      wokenWhileBusy = false;
      await settled();
    },
    wake,
    settled,
  };
}
