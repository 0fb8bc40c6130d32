import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { QueueCreateInput, QueueUpdateInput } from '@/api/contract/queue';

/** Every query: queue names and usage show up in workstreams and routing rules too. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useCreateQueue() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (input: QueueCreateInput) => api.queues.create(input), onSuccess: invalidate });
}

export function useUpdateQueue(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (input: QueueUpdateInput) => api.queues.update(id, input), onSuccess: invalidate });
}

export function useDeleteQueue() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: (id: string) => api.queues.remove(id), onSuccess: invalidate });
}
