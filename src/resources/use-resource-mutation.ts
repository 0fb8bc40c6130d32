import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { resourceKeys, type Resource } from './keys';

export interface ResourceMutationOptions<TData, TVariables> extends UseMutationOptions<TData, Error, TVariables> {
  /** The resources this write changes; they, and nothing else, are fetched again after it succeeds. */
  invalidates: readonly Resource[];
}

/**
 * A mutation that refreshes exactly the resources it names; its own onSuccess runs after
 * that, so an answer it puts into the cache is not marked stale again.
 */
export function useResourceMutation<TData, TVariables = void>({ invalidates, onSuccess, ...options }: ResourceMutationOptions<TData, TVariables>) {
  const queryClient = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    ...options,
    onSuccess: async (...args) => {
      await Promise.all(invalidates.map((resource) => queryClient.invalidateQueries({ queryKey: resourceKeys[resource] })));
      await onSuccess?.(...args);
    },
  });
}
