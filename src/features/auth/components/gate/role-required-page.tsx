import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/router-link';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60ch', alignItems: 'flex-start' },
  title: { margin: 0 },
});

export function RoleRequiredPage({ name }: { name: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  useDocumentTitle(t('auth.roleRequired.title'));
  return (
    <section className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        {t('auth.roleRequired.title')}
      </Title2>
      <Body1 as="p">{t('auth.roleRequired.body', { name })}</Body1>
      <RouterLink to={paths.conversations}>{t('auth.roleRequired.toConversations')}</RouterLink>
    </section>
  );
}
