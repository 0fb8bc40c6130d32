/**
 * Writes items that arrive concurrently together: while one batch is being written, the
 * next ones wait and go in the following write. Each caller's promise settles when its own
 * item is committed. At a trickle every item is written at once; under load a write carries
 * many, so commits (and their flushes to disk) stop growing with the request rate.
 * A failed batch is written again item by item, so one bad item fails alone.
 */
export function groupCommit<T>(write: (items: T[]) => Promise<void>, maxBatch: number): (item: T) => Promise<void> {
  type Waiting = { item: T; resolve: () => void; reject: (error: unknown) => void };
  const waiting: Waiting[] = [];
  let writing = false;

  async function writeBatch(batch: Waiting[]): Promise<void> {
    try {
      await write(batch.map((w) => w.item));
      for (const w of batch) w.resolve();
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const w of batch) await writeBatch([w]);
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) await writeBatch(waiting.splice(0, maxBatch));
    } finally {
      writing = false;
    }
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
