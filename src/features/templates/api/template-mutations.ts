import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { TemplateCreateInput, TemplateUpdateInput } from '@/api/contract/message-template';

/** Templates show in other places (the account's template count, workstreams later): refresh everything. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useCreateTemplate(accountId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: TemplateCreateInput) => api.templates.create(accountId, input),
    onSuccess: invalidate,
  });
}

export function useUpdateTemplate(accountId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ templateId, input }: { templateId: string; input: TemplateUpdateInput }) =>
      api.templates.update(accountId, templateId, input),
    onSuccess: invalidate,
  });
}

export function useDeleteTemplate(accountId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (templateId: string) => api.templates.remove(accountId, templateId),
    onSuccess: invalidate,
  });
}
