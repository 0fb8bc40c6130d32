import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** The users of the demo seed (src/mocks/seed.ts); the e2e sign-in spec signs in with what this says. */
const demoUsers = {
  admin: 'Aino Admin (aino.admin@demo.test)',
  agent: 'Eero Agent (eero.agent@demo.test)',
  password: 'demo-password',
};

export function DemoUsersHint() {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('auth.signIn.demoTitle')}</MessageBarTitle>
        {t('auth.signIn.demoBody', demoUsers)}
      </MessageBarBody>
    </MessageBar>
  );
}
