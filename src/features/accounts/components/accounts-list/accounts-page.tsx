import { Body1, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { accountQueries } from '@/resources/accounts';
import { AccountsTable } from './accounts-table';
import { DeleteAccountDialog } from './delete-account-dialog';
import { ChatMultipleRegular } from '@fluentui/react-icons';
import { EmptyState } from '@/components/empty-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '1100px' },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  heading: { ...typographyStyles.title2, margin: 0, ':focus': { outlineStyle: 'none' } },
  intro: { display: 'block', marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
});

export function AccountsPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const [searchParams] = useSearchParams();
  const accounts = useQuery(accountQueries.list());
  const [deleting, setDeleting] = useState<WhatsAppAccount | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = accounts.data?.items;
  const highlightId = searchParams.get('highlight');
  useDocumentTitle(t('accounts.title'));

  // Arriving from the wizard: focus starts at the top of this page, not on the button that was pressed there.
  useEffect(() => {
    if (highlightId) headingRef.current?.focus();
  }, [highlightId]);

  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <div>
          <h1 className={styles.heading} ref={headingRef} tabIndex={-1}>
            {t('accounts.title')}
          </h1>
          <Body1 as="p" className={styles.intro}>
            {t('accounts.intro')}
          </Body1>
        </div>
        {items && items.length > 0 && (
          <LinkButton to={paths.newAccount} appearance="primary" icon={<AddRegular />}>
            {t('accounts.newAccount')}
          </LinkButton>
        )}
      </div>
      {accounts.isPending && <Spinner label={t('common.loading')} />}
      {accounts.isError && <ProblemAlert error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {items && items.length === 0 && (
        <EmptyState
          icon={<ChatMultipleRegular />}
          title={t('accounts.emptyTitle')}
          body={t('accounts.emptyBody')}
          action={{ to: paths.newAccount, label: t('accounts.newAccount') }}
        />
      )}
      {items && items.length > 0 && (
        <AccountsTable accounts={items} highlightId={highlightId} onDelete={setDeleting} />
      )}
      <DeleteAccountDialog
        account={deleting}
        onClose={() => setDeleting(null)}
        // The row and its Delete button are gone: give focus a sensible place to land.
        onDeleted={() => headingRef.current?.focus()}
      />
    </div>
  );
}
