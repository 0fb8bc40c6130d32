import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useRemoveUser } from '@/resources/users';

interface RemoveUserDialogProps {
  /** The user to remove; the dialog is open while this is set. */
  user: User | null;
  onClose: () => void;
  onRemoved: () => void;
}

/** Says what removing a user means before it happens; a refusal (the last administrator) is worded in place. */
export function RemoveUserDialog({ user, onClose, onRemoved }: RemoveUserDialogProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const remove = useRemoveUser();

  const close = () => {
    remove.reset();
    onClose();
  };
  const finish = (message: string, intent: 'success' | 'warning') => {
    notify(message, intent);
    close();
    onRemoved();
  };
  const confirm = () => {
    if (!user || remove.isPending) return;
    remove.mutate(user.id, {
      onSuccess: () => finish(t('users.removed', { name: user.name }), 'success'),
      onError: (error) => {
        // Someone else removed them first: the outcome that was asked for, said plainly.
        if (error instanceof ApiError && error.status === 404) finish(t('errors.notFound'), 'warning');
      },
    });
  };

  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? t('users.removeTitle', { name: user.name }) : ''}
      confirmLabel={t('common.remove')}
      busyLabel={t('users.removing')}
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      {user && (
        <>
          {remove.isError && <ProblemAlert error={remove.error} explainFieldErrors />}
          <Body1 as="p">{t('users.removeBody', { name: user.name, email: user.email })}</Body1>
        </>
      )}
    </ConfirmDialog>
  );
}
