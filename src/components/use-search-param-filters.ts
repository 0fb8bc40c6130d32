import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * Filters kept in the address, so a filtered list can be bookmarked, shared and gone back
 * to. A filter set to "" leaves the address; changing one replaces the history entry
 * rather than adding one. `keys` are the page's filters, which `clear` removes.
 */
export function useSearchParamFilters<Key extends string>(keys: readonly Key[]) {
  const [searchParams, setSearchParams] = useSearchParams();

  const setParam = useCallback(
    (key: Key, value: string) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const clear = useCallback(
    () =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const key of keys) next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams, keys],
  );

  return { searchParams, setParam, clear };
}
