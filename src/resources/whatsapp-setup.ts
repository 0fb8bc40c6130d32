import { useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { WhatsAppSetupInput } from '@/api/contract/whatsapp-setup';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';
import { workstreamQueries } from './workstreams';

/* A setup binds a number of an account to a workstream: both resources change. */

export function useSetUpWhatsApp(workstreamId: string) {
  const queryClient = useQueryClient();
  return useResourceMutation({
    mutationFn: (input: WhatsAppSetupInput) => api.workstreams.setUpWhatsApp(workstreamId, input),
    onSuccess: (workstream) => queryClient.setQueryData(workstreamQueries.detail(workstream.id).queryKey, workstream),
    invalidates: ['workstreams', 'accounts'],
    // A number taken meanwhile should show as taken in the list the admin picks from.
    onError: () => queryClient.invalidateQueries({ queryKey: resourceKeys.accounts }),
  });
}

export function useRemoveWhatsApp(workstreamId: string) {
  return useResourceMutation({
    mutationFn: () => api.workstreams.removeWhatsApp(workstreamId),
    invalidates: ['workstreams', 'accounts'],
  });
}
