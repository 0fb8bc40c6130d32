import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { DeleteDialog } from '@/components/delete-dialog/delete-dialog';
import { UsageList } from '@/components/delete-dialog/usage-list';
import { useDeleteFlow } from '@/components/delete-dialog/use-delete-flow';
import { paths } from '@/config/paths';
import { useDeleteAccount } from '@/resources/accounts';

const useStyles = makeStyles({
  number: { fontFamily: tokens.fontFamilyMonospace },
});

interface DeleteAccountDialogProps {
  /** The account to delete; the dialog is open while this is set. */
  account: WhatsAppAccount | null;
  onClose: () => void;
  onDeleted: () => void;
}

/**
 * Names everything that goes with the account before anything is deleted. While a
 * workstream receives conversations on one of its numbers, it says what to do first and
 * offers no Delete: a bound number must not vanish under a live channel.
 */
export function DeleteAccountDialog({ account, onClose, onDeleted }: DeleteAccountDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const flow = useDeleteFlow({
    record: account,
    mutation: useDeleteAccount(),
    doneMessage: (deleted) => t('accounts.deleted', { name: deleted.name }),
    onClose,
    onDeleted,
  });

  const boundNumbers = account?.numbers.flatMap((number) => (number.workstream ? [{ ...number, workstream: number.workstream }] : [])) ?? [];
  const blocked = boundNumbers.length > 0;

  return (
    <DeleteDialog
      open={account !== null}
      blocked={blocked}
      title={account ? t(blocked ? 'accounts.deleteBlockedTitle' : 'accounts.deleteTitle', { name: account.name }) : ''}
      busy={flow.busy}
      error={blocked ? null : flow.error}
      explainFieldErrors
      onConfirm={flow.confirm}
      onCancel={flow.close}
    >
      {account && blocked && (
        <>
          <Body1 as="p">{t('accounts.deleteBlockedBody')}</Body1>
          <UsageList
            items={boundNumbers.map((number) => ({
              key: number.id,
              to: paths.workstream(number.workstream.id),
              content: t('accounts.numberUsedBy', { number: number.number, workstream: number.workstream.name }),
            }))}
          />
        </>
      )}
      {account && !blocked && (
        <>
          <Body1 as="p">{t('accounts.deleteBody')}</Body1>
          <Body1 as="p">{t('accounts.deleteNumbers', { count: account.numbers.length })}</Body1>
          <UsageList
            items={account.numbers.map((number) => ({
              key: number.id,
              content: (
                <>
                  {number.name} <span className={styles.number}>{number.number}</span>
                </>
              ),
            }))}
          />
          {account.templateCount > 0 && <Body1 as="p">{t('accounts.deleteTemplates', { count: account.templateCount })}</Body1>}
          <Body1 as="p">{t('accounts.deleteTwilioNote')}</Body1>
        </>
      )}
    </DeleteDialog>
  );
}
