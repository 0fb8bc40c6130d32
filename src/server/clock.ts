import { readFileSync, statSync } from 'node:fs';

/**
 * The server's clock. Normally the system time; with TEST_CLOCK_OFFSET_FILE set (end-to-end
 * tests only), the number of milliseconds in that file is added, so a test can move the
 * server 24 hours ahead without waiting. The file is re-read when it changes.
 */
export function createClock(env: NodeJS.ProcessEnv = process.env): { now: () => Date; description: string | null } {
  const file = env.TEST_CLOCK_OFFSET_FILE;
  if (!file) return { now: () => new Date(), description: null };
  let seenMtime = -1;
  let offsetMs = 0;
  const refresh = () => {
    try {
      const mtime = statSync(file).mtimeMs;
      if (mtime === seenMtime) return;
      seenMtime = mtime;
      const parsed = Number(readFileSync(file, 'utf8').trim());
      offsetMs = Number.isFinite(parsed) ? parsed : 0;
    } catch {
      offsetMs = 0;
    }
  };
  return {
    now: () => {
      refresh();
      return new Date(Date.now() + offsetMs);
    },
    description: `test clock: system time plus the offset in ${file}`,
  };
}
