import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';

/** Sync templates from Twilio; what it added or updated shows everywhere templates do. */
export function useSyncTemplates(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.accountTools.syncTemplates(accountId),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
