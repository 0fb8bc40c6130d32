import { useState } from 'react';

/** The last failed save that no field owns, until the next attempt or a reload. */
export function useSaveFailure() {
  const [error, setError] = useState<unknown>(null);
  return { error, show: setError, clear: () => setError(null) };
}
