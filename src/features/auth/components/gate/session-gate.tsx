import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { sessionQueries } from '@/resources/session';
import { gateState } from '@/features/auth/gate-state';
import { signInPathFrom } from '@/features/auth/redirect';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '60ch',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
  },
  title: { margin: 0 },
});

/** The signed-in part of the app: nobody gets past it without a session. */
export function SessionGate() {
  const { t } = useTranslation();
  const styles = useStyles();
  const location = useLocation();
  const session = useQuery(sessionQueries.current());

  switch (gateState(session)) {
    case 'signedIn':
      return <Outlet />;
    case 'signedOut':
      return <Navigate to={signInPathFrom(location)} replace />;
    case 'checking':
      return (
        <main className={styles.page}>
          <Spinner label={t('auth.gate.checking')} />
        </main>
      );
    case 'failed':
      return (
        <main className={styles.page}>
          <h1 className={styles.title}>{t('auth.gate.failedTitle')}</h1>
          <ProblemAlert error={session.error} onRetry={() => void session.refetch()} />
        </main>
      );
  }
}
