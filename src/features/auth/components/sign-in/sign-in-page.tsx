import { Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { paths } from '@/config/paths';
import { sessionQueries } from '@/resources/session';
import { gateState } from '@/features/auth/gate-state';
import { safeNextPath } from '@/features/auth/redirect';
import { AuthFrame } from '../auth-frame';
import { DemoUsersHint } from './demo-users-hint';
import { FirstAdministratorNotice } from './first-administrator-notice';
import { SignInForm } from './sign-in-form';

interface SignInPageProps {
  /** Demo mode names its seeded users, so that an evaluator can sign in as either. */
  showDemoUsers?: boolean;
}

/** Signs in and goes where the user was going; someone already signed in goes there at once. */
export function SignInPage({ showDemoUsers = false }: SignInPageProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const session = useQuery(sessionQueries.current());
  const next = safeNextPath(searchParams.get('next')) ?? paths.home;

  const state = gateState(session);
  if (state === 'signedIn') return <Navigate to={next} replace />;
  if (state === 'checking') return <Spinner label={t('auth.gate.checking')} />;
  return (
    <AuthFrame title={t('auth.signIn.title')} intro={t('auth.signIn.intro')}>
      {session.data?.user === null && session.data.setupNeeded && <FirstAdministratorNotice />}
      {showDemoUsers && <DemoUsersHint />}
      <SignInForm />
    </AuthFrame>
  );
}
