import {
  Body1,
  Button,
  Caption1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import type { WhatsAppNumber } from '@/api/contract/whatsapp-number';
import { RouterLink } from '@/components/router-link';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { useDeleteNumber } from '@/resources/account-numbers';
import { accountQueries } from '@/resources/accounts';
import { useResourceCache } from '@/resources/use-resource-cache';
import { NumberDialog } from './number-dialog';
import { RemoveNumberDialog } from './remove-number-dialog';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalL, maxWidth: '900px' },
  table: { minWidth: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface NumberDialogState {
  open: boolean;
  /** The number being edited, as it was when the dialog opened; null to add one. */
  editing: WhatsAppNumber | null;
  /** A new key per opening: the form inside starts afresh. */
  key: number;
}

export function NumbersPanel({ account }: { account: WhatsAppAccount }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const cache = useResourceCache();
  const lastNumberId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const [dialog, setDialog] = useState<NumberDialogState>({ open: false, editing: null, key: 0 });
  const [removing, setRemoving] = useState<{ open: boolean; number: WhatsAppNumber | null }>({ open: false, number: null });
  const remove = useDeleteNumber(account.id);
  const { numbers } = account;
  const onlyOne = numbers.length === 1;

  const openDialog = (editing: WhatsAppNumber | null) => setDialog((d) => ({ open: true, editing, key: d.key + 1 }));
  const closeDialog = (saved: boolean) => {
    setDialog((d) => ({ ...d, open: false }));
    if (saved) notify(t('numbers.saved'));
  };

  const askRemove = (number: WhatsAppNumber) => {
    remove.reset();
    setRemoving({ open: true, number });
  };
  const confirmRemove = () => {
    if (!removing.number || remove.isPending) return;
    remove.mutate(removing.number.id, {
      onSuccess: () => {
        setRemoving((r) => ({ ...r, open: false }));
        notify(t('numbers.removed'));
        // The row and its button are gone; without this, focus would fall back to the page.
        addButton.current?.focus();
      },
      // The table may be out of date (someone else removed a number, or this one): show it as it is.
      onError: () => void cache.invalidate(accountQueries.detail(account.id).queryKey),
    });
  };

  return (
    <div className={styles.root}>
      {numbers.length === 0 ? (
        <Body1>{t('numbers.empty')}</Body1>
      ) : (
        <Table className={styles.table} aria-label={t('editAccount.tabs.numbers')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('accounts.columns.name')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.number')}</TableHeaderCell>
              <TableHeaderCell>{t('numbers.workstream')}</TableHeaderCell>
              <TableHeaderCell>{t('accounts.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {numbers.map((number) => (
              <TableRow key={number.id}>
                <TableCell>{number.name}</TableCell>
                <TableCell>
                  <span className={styles.code}>{number.number}</span>
                </TableCell>
                <TableCell>
                  {number.workstream ? (
                    <RouterLink to={paths.workstream(number.workstream.id)}>{number.workstream.name}</RouterLink>
                  ) : (
                    t('numbers.notInUse')
                  )}
                </TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<EditRegular />}
                      aria-label={t('numbers.editNumber', { number: number.number })}
                      onClick={() => openDialog(number)}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="small"
                      icon={<DeleteRegular />}
                      aria-label={t('numbers.removeNumber', { number: number.number })}
                      disabledFocusable={onlyOne}
                      aria-describedby={onlyOne ? lastNumberId : undefined}
                      onClick={onlyOne ? undefined : () => askRemove(number)}
                    >
                      {t('common.remove')}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {onlyOne && <Caption1 id={lastNumberId}>{t('numbers.lastNumber')}</Caption1>}
      <Button ref={addButton} icon={<AddRegular />} onClick={() => openDialog(null)}>
        {t('numbers.add')}
      </Button>
      <NumberDialog open={dialog.open} formKey={dialog.key} account={account} number={dialog.editing ?? undefined} onClose={closeDialog} />
      <RemoveNumberDialog
        open={removing.open}
        number={removing.number}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving((r) => ({ ...r, open: false }))}
      />
    </div>
  );
}
