import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/api/problem';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useChangePassword } from '@/resources/session';
import { changePasswordFormSchema } from '../form-schemas';
import { PasswordField } from '../password-field';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

interface ChangePasswordDialogProps {
  open: boolean;
  onClose: () => void;
}

/** The signed-in user's own password; the form starts empty each time the dialog opens. */
export function ChangePasswordDialog({ open, onClose }: ChangePasswordDialogProps) {
  const change = useChangePassword();
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && !change.isPending && onClose()}>
      <DialogSurface>{open && <ChangePasswordForm change={change} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

const fields = ['currentPassword', 'newPassword'];

function ChangePasswordForm({ change, onClose }: { change: ReturnType<typeof useChangePassword>; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
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
      const unmatched = applyServerErrors(error, form.setError, (path) => fields.includes(path));
      if (!(error instanceof ApiError && error.fieldErrors.length > 0 && unmatched.length === 0)) setFailure(error);
    }
  });

  return (
    <form noValidate onSubmit={save}>
      <DialogBody>
        <DialogTitle>{t('auth.changePassword.title')}</DialogTitle>
        <DialogContent className={styles.content}>
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
        </DialogContent>
        <DialogActions>
          <Button type="button" onClick={onClose} disabled={change.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            appearance="primary"
            aria-disabled={change.isPending || undefined}
            icon={change.isPending ? <Spinner size="tiny" /> : undefined}
          >
            {change.isPending ? t('auth.changePassword.submitting') : t('auth.changePassword.submit')}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
