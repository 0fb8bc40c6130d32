import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { WorkstreamCreateInput, WorkstreamUpdateInput } from '@/api/contract/workstream';

/** Every query, not only workstreams: queues list the workstreams that use them, accounts the numbers they bind. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useCreateWorkstream() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: WorkstreamCreateInput) => api.workstreams.create(input),
    onSuccess: invalidate,
  });
}

export function useUpdateWorkstream(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: WorkstreamUpdateInput) => api.workstreams.update(id, input),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkstream() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (id: string) => api.workstreams.remove(id),
    onSuccess: invalidate,
  });
}
