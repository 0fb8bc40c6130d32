import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const accountQueries = {
  all: () => ['whatsapp-accounts'] as const,
  list: () => queryOptions({ queryKey: [...accountQueries.all(), 'list'], queryFn: () => api.accounts.list() }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...accountQueries.all(), 'detail', id], queryFn: () => api.accounts.get(id) }),
};
