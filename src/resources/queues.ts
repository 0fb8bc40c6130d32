import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { QueueCreateInput, QueueUpdateInput } from '@/api/contract/queue';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

export const queueQueries = {
  all: () => resourceKeys.queues,
  list: () => queryOptions({ queryKey: [...queueQueries.all(), 'list'], queryFn: () => api.queues.list() }),
  detail: (id: string) => queryOptions({ queryKey: [...queueQueries.all(), 'detail', id], queryFn: () => api.queues.get(id) }),
  /** What waits in each queue and who can take it; live events mark it stale (administrators). */
  overview: () => queryOptions({ queryKey: [...queueQueries.all(), 'overview'], queryFn: () => api.queues.overview() }),
};

/** Workstreams and routing rules show the names of the queues they send to. */
const changesQueues = ['queues', 'workstreams', 'routingRules'] as const;

export function useCreateQueue() {
  return useResourceMutation({ mutationFn: (input: QueueCreateInput) => api.queues.create(input), invalidates: changesQueues });
}

export function useUpdateQueue(id: string) {
  return useResourceMutation({ mutationFn: (input: QueueUpdateInput) => api.queues.update(id, input), invalidates: changesQueues });
}

export function useDeleteQueue() {
  return useResourceMutation({ mutationFn: (id: string) => api.queues.remove(id), invalidates: changesQueues });
}
