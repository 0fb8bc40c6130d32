import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { AuditAction, AuditEntityType } from '@/api/contract/audit-event';
import { resourceKeys } from './keys';

export interface AuditFilters {
  entityType?: AuditEntityType;
  action?: AuditAction;
  actorId?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditQueries = {
  all: () => resourceKeys.auditEvents,
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
};
