import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { RoutingRulesInput } from '@/api/contract/routing-rule';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

export const routingRuleQueries = {
  all: () => resourceKeys.routingRules,
  forWorkstream: (workstreamId: string) =>
    queryOptions({ queryKey: [...routingRuleQueries.all(), workstreamId], queryFn: () => api.routingRules.get(workstreamId) }),
};

/** Rule counts show on workstreams, and the rules that reach a queue in its usage. */
export function useReplaceRoutingRules(workstreamId: string) {
  return useResourceMutation({
    mutationFn: (input: RoutingRulesInput) => api.routingRules.replace(workstreamId, input),
    invalidates: ['routingRules', 'workstreams', 'queues'],
  });
}
