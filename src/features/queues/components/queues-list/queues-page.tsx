import { PeopleQueueRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPage } from '@/components/list-page/list-page';
import { useHighlightId } from '@/components/list-page/use-highlight-id';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { DeleteQueueDialog } from './delete-queue-dialog';
import { QueuesTable } from './queues-table';

export function QueuesPage() {
  const { t } = useTranslation();
  const queues = useQuery(queueQueries.list());
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const highlightId = useHighlightId();
  const items = queues.data?.items;
  // The dialog shows the queue as last fetched, so a refused delete can name its new users.
  const deleting = items?.find((q) => q.id === deletingId) ?? null;

  return (
    <>
      <ListPage
        title={t('queues.title')}
        intro={t('queues.intro')}
        headingRef={headingRef}
        focusHeading={highlightId !== null}
        create={{ to: paths.newQueue, label: t('queues.newQueue') }}
        items={items}
        error={queues.error}
        onRetry={() => void queues.refetch()}
        empty={{ icon: <PeopleQueueRegular />, title: t('queues.emptyTitle'), body: t('queues.emptyBody') }}
      >
        {(loaded) => <QueuesTable queues={loaded} highlightId={highlightId} onDelete={(queue) => setDeletingId(queue.id)} />}
      </ListPage>
      <DeleteQueueDialog queue={deleting} onClose={() => setDeletingId(null)} onDeleted={() => headingRef.current?.focus()} />
    </>
  );
}
