import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { FormTextField } from '@/components/form/form-text-field';
import type { DraftOrigin } from '@/components/wizard/draft-origin';
import type { WizardStepProps } from '@/components/wizard/wizard';
import { SharedSidWarning } from '@/features/accounts/components/shared-sid-warning';
import type { AccountWizardValues } from './step-schemas';

export function AccountStep({
  form,
  onNext,
  onBack,
  onCancel,
  draftRestored,
}: WizardStepProps<AccountWizardValues> & { draftRestored: DraftOrigin | null }) {
  const { t } = useTranslation();
  // Decided once, so the message does not vanish under the user's cursor while they type.
  const [askForToken] = useState(() => draftRestored !== null && form.getValues('authToken') === '');
  const accountSid = useWatch({ control: form.control, name: 'accountSid' });

  return (
    <WizardForm onSubmit={form.handleSubmit(() => onNext())} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      {askForToken && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t(draftRestored === 'reload' ? 'wizard.draftRestored' : 'wizard.draftKept')}</MessageBarBody>
        </MessageBar>
      )}
      <FormTextField control={form.control} name="accountSid" label={t('fields.accountSid')} hint={t('fields.accountSidHint')} code clean="identifier" />
      <SharedSidWarning accountSid={accountSid} />
      <FormTextField
        control={form.control}
        name="authToken"
        label={t('fields.authToken')}
        hint={t('fields.authTokenHint')}
        code
        clean="identifier"
        secret={{ showLabel: t('fields.showToken'), hideLabel: t('fields.hideToken') }}
      />
    </WizardForm>
  );
}
