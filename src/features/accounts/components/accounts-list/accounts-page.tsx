import { ChatMultipleRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { ListPage } from '@/components/list-page/list-page';
import { useHighlightId } from '@/components/list-page/use-highlight-id';
import { paths } from '@/config/paths';
import { accountQueries } from '@/resources/accounts';
import { AccountsTable } from './accounts-table';
import { DeleteAccountDialog } from './delete-account-dialog';

export function AccountsPage() {
  const { t } = useTranslation();
  const accounts = useQuery(accountQueries.list());
  const [deleting, setDeleting] = useState<WhatsAppAccount | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const highlightId = useHighlightId();

  return (
    <>
      <ListPage
        title={t('accounts.title')}
        intro={t('accounts.intro')}
        maxWidth="1100px"
        introMaxWidth="none"
        headingRef={headingRef}
        focusHeading={highlightId !== null}
        create={{ to: paths.newAccount, label: t('accounts.newAccount') }}
        items={accounts.data?.items}
        error={accounts.error}
        onRetry={() => void accounts.refetch()}
        empty={{ icon: <ChatMultipleRegular />, title: t('accounts.emptyTitle'), body: t('accounts.emptyBody') }}
      >
        {(items) => <AccountsTable accounts={items} highlightId={highlightId} onDelete={setDeleting} />}
      </ListPage>
      <DeleteAccountDialog account={deleting} onClose={() => setDeleting(null)} onDeleted={() => headingRef.current?.focus()} />
    </>
  );
}
