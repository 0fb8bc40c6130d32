import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const templateQueries = {
  all: () => ['message-templates'] as const,
  list: (accountId: string) =>
    queryOptions({ queryKey: [...templateQueries.all(), accountId, 'list'], queryFn: () => api.templates.list(accountId) }),
};
