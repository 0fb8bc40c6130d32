import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Says why the setup link cannot be used, and how to get one that can. */
export function LinkInvalidBar({ reason }: { reason: 'missing' | 'refused' }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('auth.setup.linkInvalidTitle')}</MessageBarTitle>
        {reason === 'missing' ? t('auth.setup.linkMissing') : t('validation.setup.linkInvalid')}
      </MessageBarBody>
    </MessageBar>
  );
}
