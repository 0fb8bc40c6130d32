import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { ConversationStatus } from '@/api/contract/conversation';
import { resourceKeys } from './keys';

/** The list's filters as the API takes them; absent means "any". */
export interface ConversationFilters {
  queueId?: string;
  status?: ConversationStatus;
  assignedToMe?: boolean;
  waitingForReply?: boolean;
}

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export const conversationQueries = {
  all: () => resourceKeys.conversations,
  lists: () => [...conversationQueries.all(), 'list'] as const,
  /** A page at a time, most recent activity first; the next page from the cursor of the last. */
  list: (filters: ConversationFilters) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.lists(), filters],
      queryFn: ({ pageParam }) =>
        api.conversations.list({
          queueId: filters.queueId,
          status: filters.status,
          assignedToMe: flag(filters.assignedToMe),
          waitingForReply: flag(filters.waitingForReply),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: [...conversationQueries.all(), 'detail', id], queryFn: () => api.conversations.get(id) }),
  /** Where it may be transferred now: read afresh whenever the choice is opened (presence and room change). */
  transferTargets: (id: string) =>
    queryOptions({ queryKey: [...conversationQueries.all(), 'transfer-targets', id], queryFn: () => api.conversations.transferTargets(id), staleTime: 0 }),
  /** Its workstream's quick replies, filled in for this conversation and the signed-in agent. */
  quickReplies: (id: string) =>
    queryOptions({ queryKey: [...conversationQueries.all(), 'quick-replies', id], queryFn: () => api.conversations.quickReplies(id), staleTime: 60_000 }),
  /**
   * The history, newest page first in the cache; each further page is older (its cursor
   * is the previous page's). Within a page, messages are oldest first.
   */
  messages: (id: string) =>
    infiniteQueryOptions({
      queryKey: [...conversationQueries.all(), 'messages', id],
      queryFn: ({ pageParam }) => api.conversations.messages(id, pageParam),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.previousCursor,
    }),
};
