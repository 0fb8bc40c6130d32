import { Button, Spinner } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '@/api/problem';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { FormTextField } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { paths } from '@/config/paths';
import { useCompleteSetup } from '@/resources/session';
import { sessionQueries } from '@/resources/session';
import { useResourceCache } from '@/resources/use-resource-cache';
import { useAuthFormStyles } from '../auth-frame';
import { setupFormSchema } from '../form-schemas';
import { PasswordField } from '../password-field';
import { LinkInvalidBar } from './link-invalid-bar';

const fields = ['name', 'email', 'password'];

export function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const styles = useAuthFormStyles();
  const notify = useNotify();
  const navigate = useNavigate();
  const cache = useResourceCache();
  const complete = useCompleteSetup();
  const [linkRefused, setLinkRefused] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm({
    resolver: zodResolver(setupFormSchema),
    mode: 'onTouched',
    defaultValues: { name: '', email: '', password: '', repeatPassword: '' },
  });

  const submit = form.handleSubmit(async ({ name, email, password }) => {
    if (complete.isPending) return;
    setFailure(null);
    setLinkRefused(false);
    try {
      const session = await complete.mutateAsync({ token, name, email, password });
      notify(t('auth.setup.welcome', { name: session.user.name }));
      await navigate(paths.accounts, { replace: true });
    } catch (error) {
      const unmatched = applyServerErrors(error, form.setError, (path) => fields.includes(path));
      const refused = unmatched.some((e) => e.path === 'token');
      setLinkRefused(refused);
      if (error instanceof ApiError && error.status === 409 && error.fieldErrors.length === 0) {
        // Someone finished the setup first: the page turns into the way to sign in.
        await cache.invalidate(sessionQueries.setupStatus().queryKey);
        return;
      }
      const explained = error instanceof ApiError && error.fieldErrors.length > 0 && unmatched.every((e) => e.path === 'token');
      if (!explained) setFailure(error);
    }
  });

  return (
    <form noValidate className={styles.form} onSubmit={submit}>
      {linkRefused && <LinkInvalidBar reason="refused" />}
      {failure != null && <ProblemAlert error={failure} onRetry={() => void submit()} />}
      <FormTextField control={form.control} name="name" label={t('auth.fields.name')} autoComplete="name" />
      <FormTextField control={form.control} name="email" label={t('auth.fields.email')} autoComplete="username" />
      <PasswordField
        control={form.control}
        name="password"
        label={t('auth.fields.password')}
        hint={t('auth.fields.newPasswordHint')}
        autoComplete="new-password"
      />
      <PasswordField control={form.control} name="repeatPassword" label={t('auth.fields.repeatPassword')} autoComplete="new-password" />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          aria-disabled={complete.isPending || undefined}
          icon={complete.isPending ? <Spinner size="tiny" /> : undefined}
        >
          {complete.isPending ? t('auth.setup.submitting') : t('auth.setup.submit')}
        </Button>
      </div>
    </form>
  );
}
