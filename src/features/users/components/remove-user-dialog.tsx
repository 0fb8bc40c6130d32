import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { User } from '@/api/contract/user';
import { DeleteDialog } from '@/components/delete-dialog/delete-dialog';
import { useDeleteFlow } from '@/components/delete-dialog/use-delete-flow';
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
  const flow = useDeleteFlow({
    record: user,
    mutation: useRemoveUser(),
    doneMessage: (removed) => t('users.removed', { name: removed.name }),
    onClose,
    onDeleted: onRemoved,
  });

  return (
    <DeleteDialog
      open={user !== null}
      title={user ? t('users.removeTitle', { name: user.name }) : ''}
      confirmLabel={t('common.remove')}
      busyLabel={t('users.removing')}
      busy={flow.busy}
      error={flow.error}
      explainFieldErrors
      onConfirm={flow.confirm}
      onCancel={flow.close}
    >
      {user && <Body1 as="p">{t('users.removeBody', { name: user.name, email: user.email })}</Body1>}
    </DeleteDialog>
  );
}
