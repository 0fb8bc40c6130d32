import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { AccountCreateInput, AccountUpdateInput } from '@/api/contract/whatsapp-account';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

export const accountQueries = {
  all: () => resourceKeys.accounts,
  list: () => queryOptions({ queryKey: [...accountQueries.all(), 'list'], queryFn: () => api.accounts.list() }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...accountQueries.all(), 'detail', id], queryFn: () => api.accounts.get(id) }),
};

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useResourceMutation({
    mutationFn: (input: AccountCreateInput) => api.accounts.create(input),
    // The wizard's last step reads the new account at once: no second request for it.
    onSuccess: (account) => queryClient.setQueryData(accountQueries.detail(account.id).queryKey, account),
    invalidates: ['accounts'],
    // The input holds the auth token: nothing keeps it once the wizard lets go of the mutation.
    gcTime: 0,
  });
}

export function useUpdateAccount(id: string) {
  return useResourceMutation({
    mutationFn: (input: AccountUpdateInput) => api.accounts.update(id, input),
    invalidates: ['accounts'],
    // The input may carry a new auth token: once the caller resets the mutation, nothing keeps it.
    gcTime: 0,
  });
}

/** An account goes with its templates and its sandbox checklist. */
export function useDeleteAccount() {
  return useResourceMutation({
    mutationFn: (id: string) => api.accounts.remove(id),
    invalidates: ['accounts', 'templates', 'sandbox'],
  });
}

/** Asks Twilio about the saved credentials; nothing is changed, so nothing is refreshed. */
export function useVerifyCredentials(accountId: string) {
  return useResourceMutation({ mutationFn: () => api.accountTools.verify(accountId), invalidates: [] });
}
