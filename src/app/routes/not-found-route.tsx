import { Body1, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';

export function Component() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <section>
      <Title2 as="h1">{t('notFound.title')}</Title2>
      <Body1 as="p">{t('notFound.body')}</Body1>
      <Link to={paths.accounts}>{t('notFound.back')}</Link>
    </section>
  );
}
