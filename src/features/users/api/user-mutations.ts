import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { UserCreateInput, UserUpdateInput } from '@/api/contract/user';

/** Users show up in the session (a renamed self) and every change in the audit log. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(['users', 'session', 'audit-events'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
}

export function useCreateUser() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: UserCreateInput) => api.users.create(input), onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateInput }) => api.users.update(id, input),
    onSuccess: invalidate,
  });
}

export function useRemoveUser() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => api.users.remove(id), onSuccess: invalidate });
}
