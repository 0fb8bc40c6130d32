import { Body1, Title2 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { paths } from '@/config/paths';
import { useSessionUser } from '@/features/auth/components/gate/use-session-user';

export function Component() {
  const { t } = useTranslation();
  const isAdmin = useSessionUser()?.role === 'admin';
  useDocumentTitle(t('notFound.title'));
  return (
    <section>
      <Title2 as="h1">{t('notFound.title')}</Title2>
      <Body1 as="p">{t('notFound.body')}</Body1>
      {isAdmin ? (
        <Link to={paths.accounts}>{t('notFound.back')}</Link>
      ) : (
        <Link to={paths.conversations}>{t('auth.roleRequired.toConversations')}</Link>
      )}
    </section>
  );
}
