import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { paths } from '@/config/paths';
import { accountQueries } from '@/resources/accounts';
import { workstreamQueries } from '@/resources/workstreams';
import { WhatsAppSetupWizard } from './whatsapp-setup-wizard';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
});

/** The "Set up WhatsApp" wizard of a workstream, once the workstream and the numbers to choose from are loaded. */
export function WhatsAppSetupPage({ workstreamId }: { workstreamId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const workstream = useQuery(workstreamQueries.detail(workstreamId));
  const accounts = useQuery(accountQueries.list());

  // Loaded data wins over a later failed refetch: the wizard, and the choices in it, stay.
  if (workstream.data && accounts.data) {
    return <WhatsAppSetupWizard key={workstreamId} workstream={workstream.data} accounts={accounts.data.items} />;
  }
  if (workstream.isPending || accounts.isPending) return <Spinner label={t('common.loading')} />;
  const gone = workstream.error instanceof ApiError && workstream.error.status === 404;
  return (
    <div className={styles.message}>
      {gone ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemAlert
          error={workstream.error ?? accounts.error}
          onRetry={() => {
            void workstream.refetch();
            void accounts.refetch();
          }}
        />
      )}
      <RouterLink to={paths.workstreams}>{t('whatsAppSetup.backToWorkstreams')}</RouterLink>
    </div>
  );
}
