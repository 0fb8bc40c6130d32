import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LiveChannelProvider } from '@/resources/live/live-channel';
import { AppHeader } from './app-header';
import { loadSignInPage } from './routes/sign-in-route';
import { SideNav } from './side-nav';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    gridTemplateColumns: '240px 1fr',
    gridTemplateAreas: '"header header" "nav main"',
    minHeight: '100vh',
    '@media (max-width: 720px)': {
      gridTemplateColumns: '1fr',
      gridTemplateAreas: '"header" "nav" "main"',
    },
  },
  skip: {
    position: 'absolute',
    left: '-9999px',
    top: tokens.spacingVerticalS,
    zIndex: 1000,
    ':focus': { left: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS, backgroundColor: tokens.colorNeutralBackground1 },
  },
  main: {
    gridArea: 'main',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
});

/** The signed-in shell: header, navigation and the app's one live channel, which page changes keep open. */
export function AppLayout() {
  const styles = useStyles();
  const { t } = useTranslation();
  // Signing out lands on the sign-in page: have it ready, so that the page does not flash a spinner.
  useEffect(() => void loadSignInPage(), []);
  return (
    <LiveChannelProvider>
      <div className={styles.shell}>
        <a className={styles.skip} href="#main-content" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
          {t('app.skipToContent')}
        </a>
        <AppHeader />
        <SideNav />
        <main id="main-content" tabIndex={-1} className={styles.main}>
          <Suspense fallback={<Spinner label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </LiveChannelProvider>
  );
}
