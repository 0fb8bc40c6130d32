import { useMemo } from 'react';
import { auditActions, auditEntityTypes, type AuditAction, type AuditEntityType } from '@/api/contract/audit-event';
import { useSearchParamFilters } from '@/components/use-search-param-filters';
import type { AuditFilters } from '@/resources/audit-events';

export const filterKeys = ['entityType', 'action', 'actorId'] as const;
export type FilterKey = (typeof filterKeys)[number];

const isOneOf = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

/**
 * The filters live in the address (?entityType=queue&action=deleted&actorId=…), so a
 * filtered log can be bookmarked, shared and gone back to. Values no filter knows are ignored.
 */
export function useAuditFilters() {
  const { searchParams, setParam: setFilter, clear } = useSearchParamFilters(filterKeys);
  const entityType = searchParams.get('entityType');
  const action = searchParams.get('action');
  const actorId = searchParams.get('actorId');

  const filters = useMemo((): AuditFilters => {
    const known: AuditFilters = {};
    if (isOneOf<AuditEntityType>(auditEntityTypes, entityType)) known.entityType = entityType;
    if (isOneOf<AuditAction>(auditActions, action)) known.action = action;
    if (actorId) known.actorId = actorId;
    return known;
  }, [entityType, action, actorId]);

  return { filters, active: Object.keys(filters).length > 0, setFilter, clear };
}
