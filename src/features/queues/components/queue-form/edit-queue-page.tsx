import { MessageBar, MessageBarBody, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { EditQueueView } from './edit-queue-view';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
});

export function EditQueuePage({ queueId }: { queueId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const queue = useQuery(queueQueries.detail(queueId));

  // Loaded data wins over a later failed refetch: the form, and what is typed in it, stays.
  if (queue.data) return <EditQueueView key={queueId} queue={queue.data} />;
  if (queue.isPending) return <Spinner label={t('common.loading')} />;
  const gone = queue.error instanceof ApiError && queue.error.status === 404;
  return (
    <div className={styles.message}>
      <Title2 as="h1">{t('queues.title')}</Title2>
      {gone ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />
      )}
      <RouterLink to={paths.queues}>{t('queues.form.backToList')}</RouterLink>
    </div>
  );
}
