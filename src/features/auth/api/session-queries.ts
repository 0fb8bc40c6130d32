import { queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';

export const sessionQueries = {
  /** Who is signed in; fails with 401 when nobody is. */
  current: () => queryOptions({ queryKey: ['session'] as const, queryFn: () => api.session.get() }),
  /** Whether the first administrator still has to be created. */
  setupStatus: () => queryOptions({ queryKey: ['setup-status'] as const, queryFn: () => api.setup.status(), staleTime: 0 }),
};
