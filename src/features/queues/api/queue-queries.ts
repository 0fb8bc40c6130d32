import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const queueQueries = {
  all: () => ['queues'] as const,
  list: () => queryOptions({ queryKey: [...queueQueries.all(), 'list'], queryFn: () => api.queues.list() }),
  detail: (id: string) => queryOptions({ queryKey: [...queueQueries.all(), 'detail', id], queryFn: () => api.queues.get(id) }),
};
