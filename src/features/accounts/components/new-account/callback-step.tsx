import { Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { ProblemAlert } from '@/components/problem-alert';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { accountQueries } from '@/resources/accounts';
import { CallbackInfo } from '@/features/accounts/components/callback-info';

/** Loaded by id from the URL, so that a reload of this last step still shows the addresses. */
export function CallbackStep({ accountId, onDone }: { accountId: string; onDone: (account: WhatsAppAccount) => void }) {
  const { t } = useTranslation();
  const account = useQuery(accountQueries.detail(accountId));

  if (account.isPending) return <Spinner label={t('common.loading')} />;
  if (account.isError) return <ProblemAlert error={account.error} onRetry={() => void account.refetch()} />;
  const loaded = account.data;
  return (
    <WizardForm
      onSubmit={(event) => {
        event.preventDefault();
        onDone(loaded);
      }}
      footer={<WizardFooter nextLabel={t('common.done')} />}
    >
      <CallbackInfo account={loaded} />
    </WizardForm>
  );
}
