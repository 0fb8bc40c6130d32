/** Delays that close() can cut short, so no callback is posted after the simulator stopped. */
export class Timers {
  private readonly pending = new Map<ReturnType<typeof setTimeout>, () => void>();
  private closed = false;

  /** Resolves true after `ms`, or false at once when the simulator closes meanwhile. */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(!this.closed);
      }, ms);
      this.pending.set(timer, () => resolve(false));
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    this.closed = true;
    for (const [timer, cancel] of this.pending) {
      clearTimeout(timer);
      cancel();
    }
    this.pending.clear();
  }
}
