import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { paths } from '@/config/paths';
import { workstreamQueries } from '@/resources/workstreams';
import { EditWorkstreamView } from './edit-workstream-view';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
});

export function EditWorkstreamPage({ workstreamId }: { workstreamId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const workstream = useQuery(workstreamQueries.detail(workstreamId));

  // Loaded data wins over a later failed refetch: the form, and what is typed in it, stay.
  if (workstream.data) return <EditWorkstreamView key={workstreamId} workstream={workstream.data} />;
  if (workstream.isPending) return <Spinner label={t('common.loading')} />;
  const gone = workstream.error instanceof ApiError && workstream.error.status === 404;
  return (
    <div className={styles.message}>
      {gone ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemAlert error={workstream.error} onRetry={() => void workstream.refetch()} />
      )}
      <RouterLink to={paths.workstreams}>{t('workstreams.form.backToList')}</RouterLink>
    </div>
  );
}
