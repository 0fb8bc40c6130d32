import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { UserCreateInput, UserUpdateInput } from '@/api/contract/user';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

export const userQueries = {
  all: () => resourceKeys.users,
  list: () => queryOptions({ queryKey: [...userQueries.all(), 'list'], queryFn: () => api.users.list() }),
};

/**
 * Users show up in the session (a renamed self), every change in the audit log, and in
 * queues: as members (a new user whose e-mail was pending becomes one) with their capacity.
 */
const changesUsers = ['users', 'session', 'auditEvents', 'queues'] as const;

export function useCreateUser() {
  return useResourceMutation({ mutationFn: (input: UserCreateInput) => api.users.create(input), invalidates: changesUsers });
}

export function useUpdateUser() {
  return useResourceMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateInput }) => api.users.update(id, input),
    invalidates: changesUsers,
  });
}

export function useRemoveUser() {
  return useResourceMutation({ mutationFn: (id: string) => api.users.remove(id), invalidates: changesUsers });
}
