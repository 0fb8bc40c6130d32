import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { RouterLink } from '@/components/router-link';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { useDeleteAccount } from '@/resources/accounts';

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

/**
 * Names everything that goes with the account before anything is deleted. While a
 * workstream receives conversations on one of its numbers, it says what to do first and
 * offers no Delete: a bound number must not vanish under a live channel.
 */
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

  const boundNumbers = account?.numbers.flatMap((number) => (number.workstream ? [{ ...number, workstream: number.workstream }] : [])) ?? [];
  const blocked = boundNumbers.length > 0;

  return (
    <ConfirmDialog
      open={account !== null}
      canConfirm={!blocked}
      title={account ? t(blocked ? 'accounts.deleteBlockedTitle' : 'accounts.deleteTitle', { name: account.name }) : ''}
      confirmLabel={t('common.delete')}
      busyLabel={t('common.deleting')}
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      {account && blocked && (
        <div className={styles.body}>
          <Body1 as="p">{t('accounts.deleteBlockedBody')}</Body1>
          <ul className={styles.numbers}>
            {boundNumbers.map((number) => (
              <li key={number.id}>
                <RouterLink to={paths.workstream(number.workstream.id)}>
                  {t('accounts.numberUsedBy', { number: number.number, workstream: number.workstream.name })}
                </RouterLink>
              </li>
            ))}
          </ul>
        </div>
      )}
      {account && !blocked && (
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
          {account.templateCount > 0 && <Body1 as="p">{t('accounts.deleteTemplates', { count: account.templateCount })}</Body1>}
          <Body1 as="p">{t('accounts.deleteTwilioNote')}</Body1>
          {remove.isError && <ProblemAlert error={remove.error} explainFieldErrors />}
        </div>
      )}
    </ConfirmDialog>
  );
}
