import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { paths } from '@/config/paths';
import { queueQueries } from '@/resources/queues';
import { routingRuleQueries } from '@/resources/routing-rules';
import { workstreamQueries } from '@/resources/workstreams';
import { RoutingRulesEditor } from './routing-rules-editor';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
});

export function RoutingRulesPage({ workstreamId }: { workstreamId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const workstream = useQuery(workstreamQueries.detail(workstreamId));
  const rules = useQuery(routingRuleQueries.forWorkstream(workstreamId));
  const queues = useQuery(queueQueries.list());

  // Loaded data wins over a later failed refetch: the rules, and the edits made to them, stay.
  if (workstream.data && rules.data && queues.data) {
    return <RoutingRulesEditor key={workstreamId} workstream={workstream.data} ruleSet={rules.data} queues={queues.data.items} />;
  }
  const failed = [workstream, rules, queues].find((query) => query.isError);
  if (!failed) return <Spinner label={t('common.loading')} />;
  const gone = failed.error instanceof ApiError && failed.error.status === 404;
  return (
    <div className={styles.message}>
      {gone ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />
      )}
      <RouterLink to={paths.workstreams}>{t('routing.backToWorkstreams')}</RouterLink>
    </div>
  );
}
