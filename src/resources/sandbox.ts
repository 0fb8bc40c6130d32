import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { SandboxStatus } from '@/api/contract/account-tools';
import { resourceKeys } from './keys';
import { useLiveEvent } from './live/live-channel';

export const sandboxQueries = {
  all: () => resourceKeys.sandbox,
  status: (accountId: string) =>
    queryOptions({ queryKey: [...sandboxQueries.all(), accountId, 'status'], queryFn: () => api.accountTools.sandbox(accountId) }),
};

export function useSaveJoinCode(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (joinCode: string) => api.accountTools.saveJoinCode(accountId, joinCode),
    onSuccess: (status) => queryClient.setQueryData(sandboxQueries.status(accountId).queryKey, status),
  });
}

/**
 * The live check: the server publishes the account's first inbound message on the live
 * channel, so the checklist turns green without asking again and again.
 */
export function useSandboxLiveUpdates(accountId: string) {
  const queryClient = useQueryClient();
  useLiveEvent((event) => {
    if (event.type !== 'sandbox' || event.accountId !== accountId) return;
    queryClient.setQueryData<SandboxStatus>(sandboxQueries.status(accountId).queryKey, (status) =>
      status ? { ...status, firstInboundAt: event.firstInboundAt } : status,
    );
  });
}
