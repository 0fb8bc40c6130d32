import { PeopleQueueRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page/list-page';
import { useNow } from '@/components/use-now';
import { queueQueries } from '@/resources/queues';
import { useQueueOverviewLiveUpdates } from '@/resources/queue-overview-live';
import { QueueOverviewTable } from './queue-overview-table';

/** What waits in each queue now and who can take it; follows the live channel. */
export function QueueOverviewPage() {
  const { t } = useTranslation();
  const overview = useQuery(queueQueries.overview());
  useQueueOverviewLiveUpdates();
  const now = useNow();
  const items = overview.data?.items.map((item) => ({ ...item, id: item.queueId }));

  return (
    <ListPage
      title={t('queues.overview.title')}
      intro={t('queues.overview.intro')}
      items={items}
      error={overview.error}
      onRetry={() => void overview.refetch()}
      empty={{ icon: <PeopleQueueRegular />, title: t('queues.emptyTitle'), body: t('queues.emptyBody') }}
    >
      {(loaded) => <QueueOverviewTable items={loaded} now={now} />}
    </ListPage>
  );
}
