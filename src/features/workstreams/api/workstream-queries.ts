import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const workstreamQueries = {
  all: () => ['workstreams'] as const,
  list: () => queryOptions({ queryKey: [...workstreamQueries.all(), 'list'], queryFn: () => api.workstreams.list() }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...workstreamQueries.all(), 'detail', id], queryFn: () => api.workstreams.get(id) }),
  /** The queues a workstream can fall back to; kept under this feature's key, as features share no code. */
  queues: () => queryOptions({ queryKey: [...workstreamQueries.all(), 'queues'], queryFn: () => api.queues.list() }),
};
