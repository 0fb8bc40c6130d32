import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';

/** While the first message has not come, the checklist asks again this often. */
export const SANDBOX_POLL_MS = 3000;

export const sandboxQueries = {
  all: () => ['sandbox'] as const,
  status: (accountId: string) =>
    queryOptions({
      queryKey: [...sandboxQueries.all(), accountId, 'status'],
      queryFn: () => api.accountTools.sandbox(accountId),
      // The live check: poll until the first message has arrived, then stop.
      refetchInterval: (query) => (query.state.data && query.state.data.firstInboundAt === null ? SANDBOX_POLL_MS : false),
    }),
  account: (accountId: string) =>
    queryOptions({ queryKey: [...sandboxQueries.all(), accountId, 'account'], queryFn: () => api.accounts.get(accountId) }),
};

export function useSaveJoinCode(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (joinCode: string) => api.accountTools.saveJoinCode(accountId, joinCode),
    onSuccess: (status) => queryClient.setQueryData(sandboxQueries.status(accountId).queryKey, status),
  });
}
