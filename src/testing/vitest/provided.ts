import { inject } from 'vitest';

/** What the global setup made once for the whole run (src/testing/vitest/global-setup.ts). */
export interface RunResources {
  /** The one PostgreSQL probe of the run. */
  postgres: { ok: true } | { ok: false; reason: string };
  /** A dumped PGlite data directory with every migration applied. */
  pgliteSnapshotFile: string | null;
  /** A migrated PostgreSQL database that test databases are created from. */
  postgresTemplate: string | null;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging with vitest's own interface
  export interface ProvidedContext extends RunResources {}
}

/** The value the global setup provided, or undefined outside vitest (the bench shares these helpers). */
export function provided<K extends keyof RunResources>(key: K): RunResources[K] | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}
