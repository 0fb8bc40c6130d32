import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

/** Everything the routing page reads, under this feature's own keys (features share no code). */
export const routingQueries = {
  all: () => ['routing'] as const,
  rules: (workstreamId: string) =>
    queryOptions({ queryKey: [...routingQueries.all(), 'rules', workstreamId], queryFn: () => api.routingRules.get(workstreamId) }),
  workstream: (workstreamId: string) =>
    queryOptions({ queryKey: [...routingQueries.all(), 'workstream', workstreamId], queryFn: () => api.workstreams.get(workstreamId) }),
  queues: () => queryOptions({ queryKey: [...routingQueries.all(), 'queues'], queryFn: () => api.queues.list() }),
};
