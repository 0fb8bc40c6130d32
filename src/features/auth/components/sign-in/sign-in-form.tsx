import { Button, Spinner } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { signInInputSchema } from '@/api/contract/session';
import { ApiError } from '@/api/problem';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormTextField } from '@/components/form/form-text-field';
import { useSignIn } from '@/resources/session';
import { useAuthFormStyles } from '../auth-frame';
import { PasswordField } from '../password-field';
import { SignInFailure } from './sign-in-failure';

const fields = ['email', 'password'];

/** Email and password; on success the session query holds the new session and the page moves on. */
export function SignInForm() {
  const { t } = useTranslation();
  const styles = useAuthFormStyles();
  const signIn = useSignIn();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    resolver: zodResolver(signInInputSchema),
    mode: 'onTouched',
    defaultValues: { email: '', password: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    if (signIn.isPending) return;
    setFailure(null);
    try {
      await signIn.mutateAsync(values);
    } catch (error) {
      if (placeServerErrors(error, form.setError, (path) => fields.includes(path))) return;
      setFailure(error);
      // The message does not say which was wrong; the password is the likelier typo.
      if (error instanceof ApiError && error.status === 401) form.setFocus('password', { shouldSelect: true });
    }
  });

  return (
    <form noValidate className={styles.form} onSubmit={submit}>
      {failure != null && <SignInFailure error={failure} onRetry={() => void submit()} />}
      <FormTextField control={form.control} name="email" label={t('auth.fields.email')} autoComplete="username" />
      <PasswordField control={form.control} name="password" label={t('auth.fields.password')} autoComplete="current-password" />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          aria-disabled={signIn.isPending || undefined}
          icon={signIn.isPending ? <Spinner size="tiny" /> : undefined}
        >
          {signIn.isPending ? t('auth.signIn.submitting') : t('auth.signIn.submit')}
        </Button>
      </div>
    </form>
  );
}
