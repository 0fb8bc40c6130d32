import { makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { ResourceTable } from '@/components/list-page/resource-table';
import { RowActions } from '@/components/list-page/row-actions';
import { useFormatDate } from '@/components/use-format-date';
import { paths } from '@/config/paths';
import { SandboxLink } from '@/features/accounts/components/account-tools/sandbox-link';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
});

interface AccountsTableProps {
  accounts: WhatsAppAccount[];
  /** The account just created, shown and marked so the eye finds it. */
  highlightId: string | null;
  onDelete: (account: WhatsAppAccount) => void;
}

export function AccountsTable({ accounts, highlightId, onDelete }: AccountsTableProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const formatDate = useFormatDate();
  return (
    <ResourceTable
      label={t('accounts.list')}
      items={accounts}
      highlightId={highlightId}
      columns={[
        { id: 'name', header: t('accounts.columns.name'), className: styles.name, name: (account) => account.name, cell: (account) => account.name },
        { id: 'channel', header: t('accounts.columns.channel'), cell: () => t('accounts.channelWhatsApp') },
        { id: 'numbers', header: t('accounts.columns.numbers'), cell: (account) => account.numbers.length },
        {
          id: 'created',
          header: t('accounts.columns.created'),
          cell: (account) => <time dateTime={account.createdAt}>{formatDate(account.createdAt)}</time>,
        },
        {
          id: 'actions',
          header: t('accounts.columns.actions'),
          width: '360px',
          cell: (account) => (
            <RowActions
              actions={[
                { text: t('common.edit'), label: t('accounts.editAccount', { name: account.name }), icon: <EditRegular />, to: paths.account(account.id) },
                { text: t('common.delete'), label: t('accounts.deleteAccount', { name: account.name }), icon: <DeleteRegular />, onClick: () => onDelete(account) },
              ]}
            >
              <SandboxLink account={account} size="small" />
            </RowActions>
          ),
        },
      ]}
    />
  );
}
