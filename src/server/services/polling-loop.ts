export interface PollingLoop {
  start(): void;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
  /** Runs a round now, or one more right after the current one. */
  wake(): void;
  /** Resolves once no round is running (for tests). */
  settled(): Promise<void>;
}

/**
 * A worker's rhythm: rounds on a timer and on wake-ups, never two at once (a wake-up during a
 * round asks for one more). A round runs `step` in `lanes` parallel lanes until it finds nothing
 * due; a step that throws ends its lane with `failure` logged, and the next round tries again.
 */
export function createPollingLoop(options: {
  pollMs: number;
  step: () => Promise<boolean>;
  lanes?: number;
  log?: { error(object: object, message: string): void };
  failure: string;
}): PollingLoop {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  async function lane(): Promise<void> {
    try {
      while (!stopped && (await options.step()));
    } catch (error) {
      options.log?.error({ err: { type: (error as Error).name, message: (error as Error).message } }, options.failure);
    }
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = Promise.all(Array.from({ length: options.lanes ?? 1 }, lane))
      .then(() => undefined)
      .finally(() => {
        running = null;
        if (again) wake();
      });
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
      await running;
    },
    wake,
    async settled() {
      while (running) await running;
    },
  };
}
