import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useDeleteAccount } from '@/features/accounts/api/account-mutations';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  numbers: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  number: { fontFamily: tokens.fontFamilyMonospace },
});

interface DeleteAccountDialogProps {
  /** The account to delete; the dialog is open while this is set. */
  account: WhatsAppAccount | null;
  onClose: () => void;
  onDeleted: () => void;
}

/** Names everything that goes with the account before anything is deleted. */
export function DeleteAccountDialog({ account, onClose, onDeleted }: DeleteAccountDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const remove = useDeleteAccount();

  const close = () => {
    remove.reset();
    onClose();
  };
  const finish = (message: string, intent: 'success' | 'warning') => {
    notify(message, intent);
    remove.reset();
    onClose();
    onDeleted();
  };
  const confirm = () => {
    if (!account) return;
    remove.mutate(account.id, {
      onSuccess: () => finish(t('accounts.deleted', { name: account.name }), 'success'),
      onError: (error) => {
        // Someone else deleted it first: the outcome the user asked for, said plainly.
        if (error instanceof ApiError && error.status === 404) finish(t('errors.notFound'), 'warning');
      },
    });
  };

  return (
    <ConfirmDialog
      open={account !== null}
      title={account ? t('accounts.deleteTitle', { name: account.name }) : ''}
      confirmLabel={t('common.delete')}
      busyLabel={t('common.deleting')}
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      {account && (
        <div className={styles.body}>
          <Body1 as="p">{t('accounts.deleteBody')}</Body1>
          <Body1 as="p">{t('accounts.deleteNumbers', { count: account.numbers.length })}</Body1>
          <ul className={styles.numbers}>
            {account.numbers.map((number) => (
              <li key={number.id}>
                {number.name} <span className={styles.number}>{number.number}</span>
              </li>
            ))}
          </ul>
          <Body1 as="p">{t('accounts.deleteTwilioNote')}</Body1>
          {remove.isError && <ProblemAlert error={remove.error} />}
        </div>
      )}
    </ConfirmDialog>
  );
}
