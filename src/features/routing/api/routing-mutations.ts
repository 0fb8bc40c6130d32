import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { RoutingRulesInput } from '@/api/contract/routing-rule';

export function useReplaceRoutingRules(workstreamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RoutingRulesInput) => api.routingRules.replace(workstreamId, input),
    // Rule counts show on workstreams and rules on queues' usage: everything may be stale.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
