import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import type { WizardStepProps } from '@/components/wizard/wizard';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { LanguageCombobox } from './language-combobox';
import type { SetupDraft } from './setup-draft';

export function LanguageStep({ form, onNext, onBack, onCancel }: WizardStepProps<SetupDraft>) {
  const { t } = useTranslation();

  return (
    <WizardForm onSubmit={form.handleSubmit(() => onNext())} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <Body1 as="p">{t('whatsAppSetup.language.intro')}</Body1>
      <FormField control={form.control} name="language" label={requiredLabel(t('whatsAppSetup.language.label'))} hint={t('whatsAppSetup.language.hint')}>
        {(field, { error }) => (
          <LanguageCombobox
            ref={field.ref}
            name={field.name}
            value={typeof field.value === 'string' ? field.value : ''}
            onChange={(code) => field.onChange(code)}
            onBlur={field.onBlur}
            invalid={!!error}
          />
        )}
      </FormField>
    </WizardForm>
  );
}
