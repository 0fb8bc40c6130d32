import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { WhatsAppSetupInput } from '@/api/contract/whatsapp-setup';
import { workstreamQueries } from './workstream-queries';

/*
 * A setup binds a number of an account to a workstream, so accounts, workstreams and
 * their lists all change: every query is refreshed.
 */

export function useSetUpWhatsApp(workstreamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WhatsAppSetupInput) => api.workstreams.setUpWhatsApp(workstreamId, input),
    onSuccess: (workstream) => {
      queryClient.setQueryData(workstreamQueries.detail(workstream.id).queryKey, workstream);
      return queryClient.invalidateQueries();
    },
    // A number taken meanwhile should show as taken in the list the admin picks from.
    onError: () => queryClient.invalidateQueries({ queryKey: ['whatsapp-accounts'] }),
  });
}

export function useRemoveWhatsApp(workstreamId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.workstreams.removeWhatsApp(workstreamId),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
