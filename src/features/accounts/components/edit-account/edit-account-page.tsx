import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { ProblemAlert } from '@/components/problem-alert';
import { RouterLink } from '@/components/router-link';
import { paths } from '@/config/paths';
import { accountQueries } from '@/resources/accounts';
import { EditAccountView } from './edit-account-view';

const useStyles = makeStyles({
  message: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, maxWidth: '72ch' },
});

export function EditAccountPage({ accountId, templatesPanel }: { accountId: string; templatesPanel?: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const account = useQuery(accountQueries.detail(accountId));

  // Loaded data wins over a later failed refetch: the forms, and what is typed in them, stay.
  if (account.data) return <EditAccountView key={accountId} account={account.data} templatesPanel={templatesPanel} />;
  if (account.isPending) return <Spinner label={t('common.loading')} />;
  const gone = account.error instanceof ApiError && account.error.status === 404;
  return (
    <div className={styles.message}>
      {gone ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
        </MessageBar>
      ) : (
        <ProblemAlert error={account.error} onRetry={() => void account.refetch()} />
      )}
      <RouterLink to={paths.accounts}>{t('editAccount.backToList')}</RouterLink>
    </div>
  );
}
