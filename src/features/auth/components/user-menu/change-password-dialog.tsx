import { Body1 } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormDialog, FormDialogForm } from '@/components/form/form-dialog';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useChangePassword } from '@/resources/session';
import { changePasswordFormSchema } from '../form-schemas';
import { PasswordField } from '../password-field';

interface ChangePasswordDialogProps {
  open: boolean;
  onClose: () => void;
}

/** The signed-in user's own password; the form starts empty each time the dialog opens. */
export function ChangePasswordDialog({ open, onClose }: ChangePasswordDialogProps) {
  const change = useChangePassword();
  return (
    <FormDialog open={open} busy={change.isPending} onDismiss={onClose}>
      {open && <ChangePasswordForm change={change} onClose={onClose} />}
    </FormDialog>
  );
}

const fields = ['currentPassword', 'newPassword'];

function ChangePasswordForm({ change, onClose }: { change: ReturnType<typeof useChangePassword>; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    resolver: zodResolver(changePasswordFormSchema),
    mode: 'onTouched',
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });

  const save = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    if (change.isPending) return;
    setFailure(null);
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      notify(t('auth.changePassword.done'));
      onClose();
    } catch (error) {
      if (!placeServerErrors(error, form.setError, (path) => fields.includes(path))) setFailure(error);
    }
  });

  return (
    <FormDialogForm
      title={t('auth.changePassword.title')}
      onSubmit={save}
      busy={change.isPending}
      submitLabel={t('auth.changePassword.submit')}
      busyLabel={t('auth.changePassword.submitting')}
      onCancel={onClose}
      compact
    >
      <Body1 as="p">{t('auth.changePassword.intro')}</Body1>
      {failure != null && <ProblemAlert error={failure} onRetry={() => void save()} />}
      <PasswordField control={form.control} name="currentPassword" label={t('auth.changePassword.current')} autoComplete="current-password" />
      <PasswordField
        control={form.control}
        name="newPassword"
        label={t('auth.changePassword.new')}
        hint={t('auth.fields.newPasswordHint')}
        autoComplete="new-password"
      />
      <PasswordField control={form.control} name="repeatPassword" label={t('auth.fields.repeatPassword')} autoComplete="new-password" />
    </FormDialogForm>
  );
}
