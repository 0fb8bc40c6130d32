import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const userQueries = {
  all: () => ['users'] as const,
  list: () => queryOptions({ queryKey: [...userQueries.all(), 'list'], queryFn: () => api.users.list() }),
  /** Who is signed in; the key is the app's session key, so the cache is shared with it. */
  session: () => queryOptions({ queryKey: ['session'] as const, queryFn: () => api.session.get() }),
};
