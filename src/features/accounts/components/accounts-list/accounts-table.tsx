import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { LinkButton } from '@/components/link-button';
import { useFormatDate } from '@/components/use-format-date';
import { paths } from '@/config/paths';
import { SandboxLink } from '@/features/accounts/components/account-tools/sandbox-link';

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  actionsColumn: { width: '360px' },
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
  const highlightedRow = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    highlightedRow.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlightId]);

  return (
    <Table aria-label={t('accounts.list')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('accounts.columns.name')}</TableHeaderCell>
          <TableHeaderCell>{t('accounts.columns.channel')}</TableHeaderCell>
          <TableHeaderCell>{t('accounts.columns.numbers')}</TableHeaderCell>
          <TableHeaderCell>{t('accounts.columns.created')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsColumn}>{t('accounts.columns.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {accounts.map((account) => {
          const highlighted = account.id === highlightId;
          return (
            <TableRow
              key={account.id}
              ref={highlighted ? highlightedRow : undefined}
              className={mergeClasses(highlighted && styles.highlighted)}
            >
              <TableCell className={styles.name}>{account.name}</TableCell>
              <TableCell>{t('accounts.channelWhatsApp')}</TableCell>
              <TableCell>{account.numbers.length}</TableCell>
              <TableCell>
                <time dateTime={account.createdAt}>{formatDate(account.createdAt)}</time>
              </TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <LinkButton
                    to={paths.account(account.id)}
                    size="small"
                    icon={<EditRegular />}
                    aria-label={t('accounts.editAccount', { name: account.name })}
                  >
                    {t('common.edit')}
                  </LinkButton>
                  <Button
                    size="small"
                    icon={<DeleteRegular />}
                    aria-label={t('accounts.deleteAccount', { name: account.name })}
                    onClick={() => onDelete(account)}
                  >
                    {t('common.delete')}
                  </Button>
                  <SandboxLink account={account} size="small" />
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
