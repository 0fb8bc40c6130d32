import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { useSessionUser } from '@/features/auth/components/gate/use-session-user';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60ch' },
});

/** Honest placeholder for a page a later release builds: no fake data. */
export function NotYetPage({ page }: { page: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const isAdmin = useSessionUser()?.role === 'admin';
  useDocumentTitle(page);
  return (
    <section className={styles.root}>
      <Title2 as="h1">{t('notYet.title', { page })}</Title2>
      <Body1 as="p">{t('notYet.body')}</Body1>
      {isAdmin && <RouterLink to={paths.accounts}>{t('notYet.back')}</RouterLink>}
    </section>
  );
}
