import { Body1, Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { ChatMultipleRegular } from '@fluentui/react-icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ProblemAlert } from '@/components/problem-alert';
import { useDocumentTitle } from '@/components/use-document-title';
import { conversationQueries } from '@/resources/conversations';
import { useConversationLiveUpdates } from '@/resources/conversations-live';
import { useLiveStatus } from '@/resources/live/live-channel';
import { queueQueries } from '@/resources/queues';
import { LiveStatusBadge } from '../live/live-status';
import { useNow } from '../use-now';
import { ConversationFilters, type QueueOption } from './conversation-filters';
import { ConversationsTable } from './conversations-table';
import { useConversationFilters } from './use-conversation-filters';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.title2, margin: 0 },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  more: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalL },
  count: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, ':focus': { outlineStyle: 'none' } },
});

interface ConversationsPageProps {
  /** Administrators can list every queue; agents filter by the queues their conversations are in. */
  canListQueues: boolean;
}

export function ConversationsPage({ canListQueues }: ConversationsPageProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  useConversationLiveUpdates();
  const live = useLiveStatus();
  const now = useNow();
  const { values, filters, active, setFilter, clear } = useConversationFilters();
  const list = useInfiniteQuery(conversationQueries.list(filters));
  const queues = useQuery({ ...queueQueries.list(), enabled: canListQueues });
  const countRef = useRef<HTMLSpanElement>(null);
  const conversations = list.data?.pages.flatMap((page) => page.items);
  useDocumentTitle(t('conversations.title'));

  const queueOptions: QueueOption[] = queues.data?.items.map(({ id, name }) => ({ id, name })) ?? queuesOf(conversations ?? []);

  const loadMore = async () => {
    const result = await list.fetchNextPage();
    // The button goes away with the last page: focus moves to what is said about the end, not to the page.
    if (!result.hasNextPage) countRef.current?.focus();
  };

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div>
          <h1 className={styles.heading}>{t('conversations.title')}</h1>
          <Body1 as="p" className={styles.intro}>
            {t('conversations.intro')}
          </Body1>
        </div>
        <LiveStatusBadge status={live} />
      </div>
      <ConversationFilters values={values} queues={queueOptions} active={active} onChange={setFilter} onClear={clear} />
      {list.isPending && <Spinner label={t('common.loading')} />}
      {list.isError && !conversations && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {conversations && conversations.length === 0 && (
        <EmptyState
          icon={<ChatMultipleRegular />}
          title={active ? t('conversations.noMatchTitle') : t('conversations.emptyTitle')}
          body={active ? t('conversations.noMatchBody') : t('conversations.emptyBody')}
        />
      )}
      {conversations && conversations.length > 0 && (
        <>
          <ConversationsTable conversations={conversations} now={now} />
          {list.isFetchNextPageError && <ProblemAlert error={list.error} onRetry={() => void loadMore()} />}
          <div className={styles.more}>
            {list.hasNextPage && (
              <Button onClick={() => void loadMore()} disabled={list.isFetchingNextPage} icon={list.isFetchingNextPage ? <Spinner size="tiny" /> : undefined}>
                {list.isFetchingNextPage ? t('conversations.loadingMore') : t('conversations.loadMore')}
              </Button>
            )}
            <span className={styles.count} ref={countRef} tabIndex={-1} role="status">
              {t('conversations.shown', { count: conversations.length })}
            </span>
          </div>
        </>
      )}
    </div>
  );
}

/** The queues of the conversations at hand, by name: what an agent who cannot list queues may filter by. */
function queuesOf(conversations: { queueId: string | null; queueName: string | null }[]): QueueOption[] {
  const byId = new Map<string, string>();
  for (const { queueId, queueName } of conversations) if (queueId && queueName) byId.set(queueId, queueName);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
