import { Body1, Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/link-button';
import { ProblemAlert } from '@/components/problem-alert';
import { paths } from '@/config/paths';
import { sessionQueries } from '@/resources/session';
import { AuthFrame } from '../auth-frame';
import { LinkInvalidBar } from './link-invalid-bar';
import { SetupForm } from './setup-form';

/** The first administrator, created with the token of the link the server printed at its first start. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const status = useQuery(sessionQueries.setupStatus());
  const session = useQuery(sessionQueries.current());
  const signedInUser = session.data?.user;

  // Who is signed in decides what a used link says: wait for both answers.
  if (status.isPending || session.isPending) return <Spinner label={t('common.loading')} />;
  if (status.isError) {
    return (
      <AuthFrame title={t('auth.setup.title')}>
        <ProblemAlert error={status.error} onRetry={() => void status.refetch()} />
      </AuthFrame>
    );
  }
  if (!status.data.needed && signedInUser) {
    return (
      <AuthFrame title={t('auth.setup.usedTitle')}>
        <Body1 as="p">{t('auth.setup.usedBody', { name: signedInUser.name })}</Body1>
        <LinkButton to={paths.home} appearance="primary">
          {t('auth.setup.toApp')}
        </LinkButton>
      </AuthFrame>
    );
  }
  if (!status.data.needed) {
    return (
      <AuthFrame title={t('auth.setup.doneTitle')}>
        <Body1 as="p">{t('auth.setup.doneBody')}</Body1>
        <LinkButton to={paths.signIn} appearance="primary">
          {t('auth.setup.toSignIn')}
        </LinkButton>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title={t('auth.setup.title')} intro={t('auth.setup.intro')}>
      {token ? <SetupForm token={token} /> : <LinkInvalidBar reason="missing" />}
    </AuthFrame>
  );
}
