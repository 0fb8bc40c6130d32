import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { AccountCreateInput, AccountUpdateInput } from '@/api/contract/whatsapp-account';
import type { NumberCreateInput, NumberUpdateInput } from '@/api/contract/whatsapp-number';
import { accountQueries } from './account-queries';

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountQueries.all() });
}

export function useCreateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: AccountCreateInput) => api.accounts.create(input),
    onSuccess: invalidate,
    // The input holds the auth token: nothing keeps it once the wizard lets go of the mutation.
    gcTime: 0,
  });
}

export function useUpdateAccount(id: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: AccountUpdateInput) => api.accounts.update(id, input),
    onSuccess: invalidate,
    // The input may carry a new auth token: once the caller resets the mutation, nothing keeps it.
    gcTime: 0,
  });
}

export function useDeleteAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (id: string) => api.accounts.remove(id),
    onSuccess: invalidate,
  });
}

export function useCreateNumber(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: NumberCreateInput) => api.numbers.create(accountId, input),
    onSuccess: invalidate,
  });
}

export function useUpdateNumber(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ numberId, input }: { numberId: string; input: NumberUpdateInput }) =>
      api.numbers.update(accountId, numberId, input),
    onSuccess: invalidate,
  });
}

export function useDeleteNumber(accountId: string) {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (numberId: string) => api.numbers.remove(accountId, numberId),
    onSuccess: invalidate,
  });
}
