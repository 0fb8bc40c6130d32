import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadById } from '@/components/load-by-id';
import { paths } from '@/config/paths';
import { accountQueries } from '@/resources/accounts';
import { EditAccountView } from './edit-account-view';

export function EditAccountPage({ accountId, templatesPanel }: { accountId: string; templatesPanel?: ReactNode }) {
  const { t } = useTranslation();
  const account = useQuery(accountQueries.detail(accountId));
  return (
    <LoadById
      data={account.data}
      error={account.error}
      onRetry={() => void account.refetch()}
      back={{ to: paths.accounts, label: t('editAccount.backToList') }}
    >
      {(data) => <EditAccountView key={accountId} account={data} templatesPanel={templatesPanel} />}
    </LoadById>
  );
}
