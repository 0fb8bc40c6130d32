import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { TemplateCreateInput, TemplateUpdateInput } from '@/api/contract/message-template';
import { resourceKeys } from './keys';
import { useResourceMutation } from './use-resource-mutation';

export const templateQueries = {
  all: () => resourceKeys.templates,
  list: (accountId: string) =>
    queryOptions({ queryKey: [...templateQueries.all(), accountId, 'list'], queryFn: () => api.templates.list(accountId) }),
};

/** Templates change their account's answer too (its template count). */
const changesTemplates = ['templates', 'accounts'] as const;

export function useCreateTemplate(accountId: string) {
  return useResourceMutation({
    mutationFn: (input: TemplateCreateInput) => api.templates.create(accountId, input),
    invalidates: changesTemplates,
  });
}

export function useUpdateTemplate(accountId: string) {
  return useResourceMutation({
    mutationFn: ({ templateId, input }: { templateId: string; input: TemplateUpdateInput }) => api.templates.update(accountId, templateId, input),
    invalidates: changesTemplates,
  });
}

export function useDeleteTemplate(accountId: string) {
  return useResourceMutation({
    mutationFn: (templateId: string) => api.templates.remove(accountId, templateId),
    invalidates: changesTemplates,
  });
}

/** Sync templates from Twilio: what it added or updated shows wherever templates do. */
export function useSyncTemplates(accountId: string) {
  return useResourceMutation({ mutationFn: () => api.accountTools.syncTemplates(accountId), invalidates: changesTemplates });
}
