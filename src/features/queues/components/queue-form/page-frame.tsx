import { Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/router-link';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'stretch', gap: tokens.spacingVerticalM, maxWidth: '860px' },
  back: { alignSelf: 'flex-start' },
  title: { margin: 0 },
});

/** The way back to the list, the page's heading, and its content. */
export function PageFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  const styles = useStyles();
  useDocumentTitle(title);
  return (
    <div className={styles.root}>
      <RouterLink to={paths.queues} className={styles.back}>
        {t('queues.form.backToList')}
      </RouterLink>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      {children}
    </div>
  );
}
