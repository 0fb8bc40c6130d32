import { useQueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { resourceKeys, type Resource } from './keys';

/**
 * What a screen may ask of the cache beyond useQuery, without holding the query client:
 * the server's current copy (after a conflict), data it needs once (ensure), and a
 * refresh of one key or of whole resources.
 */
export function useResourceCache() {
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      fetchFresh: <TData, TKey extends QueryKey>(options: FetchQueryOptions<TData, Error, TData, TKey>) =>
        queryClient.fetchQuery({ ...options, staleTime: 0 }),
      ensure: <TData, TKey extends QueryKey>(options: FetchQueryOptions<TData, Error, TData, TKey>) => queryClient.ensureQueryData(options),
      invalidate: (queryKey: QueryKey) => queryClient.invalidateQueries({ queryKey }),
      refresh: (resources: readonly Resource[]) =>
        Promise.all(resources.map((resource) => queryClient.invalidateQueries({ queryKey: resourceKeys[resource] }))),
    }),
    [queryClient],
  );
}
