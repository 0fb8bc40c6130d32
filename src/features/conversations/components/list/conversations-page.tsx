import { ChatMultipleRegular } from '@fluentui/react-icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page/list-page';
import { LoadMore } from '@/components/list-page/load-more';
import { conversationQueries } from '@/resources/conversations';
import { useConversationLiveUpdates } from '@/resources/conversations-live';
import { useLiveStatus } from '@/resources/live/live-channel';
import { queueQueries } from '@/resources/queues';
import { LiveStatusBadge } from '../live/live-status';
import { useNow } from '@/components/use-now';
import { ConversationFilters, type QueueOption } from './conversation-filters';
import { ConversationsTable } from './conversations-table';
import { useConversationFilters } from './use-conversation-filters';

interface ConversationsPageProps {
  /** Administrators can list every queue; agents filter by the queues their conversations are in. */
  canListQueues: boolean;
}

export function ConversationsPage({ canListQueues }: ConversationsPageProps) {
  const { t } = useTranslation();
  useConversationLiveUpdates();
  const live = useLiveStatus();
  const now = useNow();
  const { values, filters, active, setFilter, clear } = useConversationFilters();
  const list = useInfiniteQuery(conversationQueries.list(filters));
  const queues = useQuery({ ...queueQueries.list(), enabled: canListQueues });
  const conversations = list.data?.pages.flatMap((page) => page.items);

  const queueOptions: QueueOption[] = queues.data?.items.map(({ id, name }) => ({ id, name })) ?? queuesOf(conversations ?? []);

  return (
    <ListPage
      title={t('conversations.title')}
      intro={t('conversations.intro')}
      aside={<LiveStatusBadge status={live} />}
      filters={<ConversationFilters values={values} queues={queueOptions} active={active} onChange={setFilter} onClear={clear} />}
      items={conversations}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={{
        icon: <ChatMultipleRegular />,
        title: active ? t('conversations.noMatchTitle') : t('conversations.emptyTitle'),
        body: active ? t('conversations.noMatchBody') : t('conversations.emptyBody'),
      }}
    >
      {(loaded) => (
        <>
          <ConversationsTable conversations={loaded} now={now} />
          <LoadMore
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            error={list.isFetchNextPageError ? list.error : null}
            onLoadMore={() => list.fetchNextPage()}
            label={t('conversations.loadMore')}
            loadingLabel={t('conversations.loadingMore')}
            status={t('conversations.shown', { count: loaded.length })}
          />
        </>
      )}
    </ListPage>
  );
}

/** The queues of the conversations at hand, by name: what an agent who cannot list queues may filter by. */
function queuesOf(conversations: { queueId: string | null; queueName: string | null }[]): QueueOption[] {
  const byId = new Map<string, string>();
  for (const { queueId, queueName } of conversations) if (queueId && queueName) byId.set(queueId, queueName);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
