import { api } from '@/api/client';
import type { NumberCreateInput, NumberUpdateInput } from '@/api/contract/whatsapp-number';
import { useResourceMutation } from './use-resource-mutation';

/*
 * Numbers are part of their account's answer; a workstream shows the number it is bound
 * to, so a renamed or removed number refreshes workstreams too.
 */

export function useCreateNumber(accountId: string) {
  return useResourceMutation({
    mutationFn: (input: NumberCreateInput) => api.numbers.create(accountId, input),
    invalidates: ['accounts'],
  });
}

export function useUpdateNumber(accountId: string) {
  return useResourceMutation({
    mutationFn: ({ numberId, input }: { numberId: string; input: NumberUpdateInput }) => api.numbers.update(accountId, numberId, input),
    invalidates: ['accounts', 'workstreams'],
  });
}

export function useDeleteNumber(accountId: string) {
  return useResourceMutation({
    mutationFn: (numberId: string) => api.numbers.remove(accountId, numberId),
    invalidates: ['accounts', 'workstreams'],
  });
}
