import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { AuditAction, AuditEntityType } from '@/api/contract/audit-event';

export interface AuditFilters {
  entityType?: AuditEntityType;
  action?: AuditAction;
  actorId?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditQueries = {
  all: () => ['audit-events'] as const,
  /** Newest first, a page at a time; each next page is older, from the cursor of the last. */
  list: (filters: AuditFilters) =>
    infiniteQueryOptions({
      queryKey: [...auditQueries.all(), 'list', filters],
      queryFn: ({ pageParam }) => api.auditEvents.list({ ...filters, limit: AUDIT_PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
      // Every change anywhere adds to the log, and not every mutation knows to refresh it.
      staleTime: 0,
    }),
  /** The people to filter by; the key is the users list's, so the cache is shared with it. */
  users: () => queryOptions({ queryKey: ['users', 'list'] as const, queryFn: () => api.users.list() }),
};
