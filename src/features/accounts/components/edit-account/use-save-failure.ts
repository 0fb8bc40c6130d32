import { useState } from 'react';

/**
 * The last failed save of a form, shown only while the form still edits the account
 * version that failed: a reload or a save in the other tab makes it stale, and it goes.
 */
export function useSaveFailure(version: number) {
  const [failure, setFailure] = useState<{ error: unknown; version: number } | null>(null);
  return {
    error: failure?.version === version ? failure.error : null,
    show: (error: unknown) => setFailure({ error, version }),
    clear: () => setFailure(null),
  };
}
