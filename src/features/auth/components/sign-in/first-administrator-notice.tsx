import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** While nobody can sign in: where the first administrator comes from (the link itself is never shown here). */
export function FirstAdministratorNotice() {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('auth.signIn.noAdministratorTitle')}</MessageBarTitle>
        {t('auth.signIn.noAdministratorBody')}
      </MessageBarBody>
    </MessageBar>
  );
}
