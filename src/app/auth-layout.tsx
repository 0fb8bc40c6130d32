import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSelect } from './language-select';

const useStyles = makeStyles({
  shell: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
  },
  title: { flexGrow: 1, color: tokens.colorNeutralForegroundOnBrand },
  main: { flexGrow: 1, padding: `0 ${tokens.spacingHorizontalL}` },
});

/** The frame of the pages before signing in: the product's name and the language, no navigation. */
export function AuthLayout() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.shell}>
      <header className={styles.header}>
        <Text as="span" weight="semibold" size={400} className={styles.title}>
          {t('app.title')}
        </Text>
        <LanguageSelect />
      </header>
      <main id="main-content" className={styles.main}>
        <Suspense fallback={<Spinner label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
