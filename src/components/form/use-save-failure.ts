import { useState } from 'react';

/**
 * The last failed save that no field owns, until the next attempt or a reload. Given the
 * version of the record the form edits, the failure belongs to that version: once the form
 * edits another (a reload, a save elsewhere on the page), it is stale and goes.
 */
export function useSaveFailure(version?: number) {
  const [failure, setFailure] = useState<{ error: unknown; version: number | undefined } | null>(null);
  return {
    error: failure !== null && failure.version === version ? failure.error : null,
    show: (error: unknown) => setFailure({ error, version }),
    clear: () => setFailure(null),
  };
}
