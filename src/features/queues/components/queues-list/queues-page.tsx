import { Body1, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { DeleteQueueDialog } from './delete-queue-dialog';
import { QueuesTable } from './queues-table';
import { PeopleQueueRegular } from '@fluentui/react-icons';
import { EmptyState } from '@/components/empty-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1200px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
});

export function QueuesPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [searchParams] = useSearchParams();
  const queues = useQuery(queueQueries.list());
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = queues.data?.items;
  const highlightId = searchParams.get('highlight');
  // The dialog shows the queue as last fetched, so a refused delete can name its new users.
  const deleting = items?.find((q) => q.id === deletingId) ?? null;
  useDocumentTitle(t('queues.title'));

  // Arriving from a new queue: focus starts at the top of this page, not on the pressed button.
  useEffect(() => {
    if (highlightId) headingRef.current?.focus();
  }, [highlightId]);

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div>
          <h1 className={styles.heading} ref={headingRef} tabIndex={-1}>
            {t('queues.title')}
          </h1>
          <Body1 as="p" className={styles.intro}>
            {t('queues.intro')}
          </Body1>
        </div>
        {items && items.length > 0 && (
          <LinkButton to={paths.newQueue} appearance="primary" icon={<AddRegular />}>
            {t('queues.newQueue')}
          </LinkButton>
        )}
      </div>
      {queues.isPending && <Spinner label={t('common.loading')} />}
      {queues.isError && !items && <ProblemAlert error={queues.error} onRetry={() => void queues.refetch()} />}
      {items && items.length === 0 && (
        <EmptyState
          icon={<PeopleQueueRegular />}
          title={t('queues.emptyTitle')}
          body={t('queues.emptyBody')}
          action={{ to: paths.newQueue, label: t('queues.newQueue') }}
        />
      )}
      {items && items.length > 0 && <QueuesTable queues={items} highlightId={highlightId} onDelete={(queue) => setDeletingId(queue.id)} />}
      <DeleteQueueDialog queue={deleting} onClose={() => setDeletingId(null)} onDeleted={() => headingRef.current?.focus()} />
    </div>
  );
}
