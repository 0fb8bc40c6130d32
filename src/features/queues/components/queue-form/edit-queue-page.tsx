import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadById } from '@/components/load-by-id';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { EditQueueView } from './edit-queue-view';

export function EditQueuePage({ queueId }: { queueId: string }) {
  const { t } = useTranslation();
  const queue = useQuery(queueQueries.detail(queueId));
  return (
    <LoadById
      data={queue.data}
      error={queue.error}
      onRetry={() => void queue.refetch()}
      heading={t('queues.title')}
      back={{ to: paths.queues, label: t('queues.form.backToList') }}
    >
      {(data) => <EditQueueView key={queueId} queue={data} />}
    </LoadById>
  );
}
