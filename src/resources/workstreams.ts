import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { BotInput } from '@/api/contract/bot';
import type { WorkstreamCreateInput, WorkstreamUpdateInput } from '@/api/contract/workstream';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

export const workstreamQueries = {
  all: () => resourceKeys.workstreams,
  list: () => queryOptions({ queryKey: [...workstreamQueries.all(), 'list'], queryFn: () => api.workstreams.list() }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...workstreamQueries.all(), 'detail', id], queryFn: () => api.workstreams.get(id) }),
};

/** Queues list the workstreams that fall back to them; accounts mark the numbers a workstream binds. */
const changesWorkstreams = ['workstreams', 'queues', 'accounts'] as const;

export function useCreateWorkstream() {
  return useResourceMutation({ mutationFn: (input: WorkstreamCreateInput) => api.workstreams.create(input), invalidates: changesWorkstreams });
}

export function useUpdateWorkstream(id: string) {
  return useResourceMutation({
    mutationFn: (input: WorkstreamUpdateInput) => api.workstreams.update(id, input),
    invalidates: changesWorkstreams,
  });
}

/** Its routing rules go with it. */
export function useDeleteWorkstream() {
  return useResourceMutation({
    mutationFn: (id: string) => api.workstreams.remove(id),
    invalidates: [...changesWorkstreams, 'routingRules'],
  });
}

/** Connects or changes the workstream's bot; the answer is the workstream, put straight into its cache. */
export function useSetWorkstreamBot(id: string) {
  const queryClient = useQueryClient();
  return useResourceMutation({
    mutationFn: (input: BotInput) => api.workstreams.setBot(id, input),
    invalidates: ['workstreams'],
    onSuccess: (workstream) => queryClient.setQueryData(workstreamQueries.detail(id).queryKey, workstream),
  });
}

/** Conversations with the bot go to agents. */
export function useRemoveWorkstreamBot(id: string) {
  return useResourceMutation({ mutationFn: () => api.workstreams.removeBot(id), invalidates: ['workstreams'] });
}
