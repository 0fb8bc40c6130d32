import { useCallback, useMemo } from 'react';
import { useSearchParamFilters } from '@/components/use-search-param-filters';
import type { ConversationFilters } from '@/resources/conversations';

/** What the status filter shows; "open" when the address says nothing, as agents work on those. */
export type StatusChoice = 'open' | 'closed' | 'all';

export interface FilterValues {
  queueId: string;
  status: StatusChoice;
  assignedToMe: boolean;
  waitingForReply: boolean;
}

const keys = ['queueId', 'status', 'assignedToMe', 'waitingForReply'] as const;

/**
 * The filters live in the address (?queueId=…&status=closed&assignedToMe=true&waitingForReply=true),
 * so a filtered list can be bookmarked and gone back to. Values no filter knows are ignored.
 */
export function useConversationFilters() {
  const { searchParams, setParam, clear } = useSearchParamFilters(keys);
  const queueId = searchParams.get('queueId') ?? '';
  const statusParam = searchParams.get('status');
  const status: StatusChoice = statusParam === 'closed' || statusParam === 'all' ? statusParam : 'open';
  const assignedToMe = searchParams.get('assignedToMe') === 'true';
  const waitingForReply = searchParams.get('waitingForReply') === 'true';

  const values: FilterValues = { queueId, status, assignedToMe, waitingForReply };
  const filters = useMemo((): ConversationFilters => {
    const query: ConversationFilters = {};
    if (queueId) query.queueId = queueId;
    if (status !== 'all') query.status = status;
    if (assignedToMe) query.assignedToMe = true;
    if (waitingForReply) query.waitingForReply = true;
    return query;
  }, [queueId, status, assignedToMe, waitingForReply]);

  const setFilter = useCallback(
    <K extends keyof FilterValues>(key: K, value: FilterValues[K]) =>
      // Defaults stay out of the address: no box ticked, status "open".
      setParam(key, typeof value === 'boolean' ? (value ? 'true' : '') : key === 'status' && value === 'open' ? '' : String(value)),
    [setParam],
  );

  const active = queueId !== '' || status !== 'open' || assignedToMe || waitingForReply;
  return { values, filters, active, setFilter, clear };
}
