import { Body1, Field } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import type { WizardStepProps } from '@/components/wizard/wizard';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { LanguageCombobox } from './language-combobox';
import type { SetupDraft } from './setup-draft';

export function LanguageStep({ form, onNext, onBack, onCancel }: WizardStepProps<SetupDraft>) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();

  return (
    <WizardForm onSubmit={form.handleSubmit(() => onNext())} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <Body1 as="p">{t('whatsAppSetup.language.intro')}</Body1>
      <Controller
        control={form.control}
        name="language"
        render={({ field, fieldState }) => (
          <Field
            label={requiredLabel(t('whatsAppSetup.language.label'))}
            hint={t('whatsAppSetup.language.hint')}
            validationState={fieldState.error ? 'error' : 'none'}
            validationMessage={errorText(fieldState.error)}
          >
            <LanguageCombobox
              ref={field.ref}
              name={field.name}
              value={typeof field.value === 'string' ? field.value : ''}
              onChange={(code) => field.onChange(code)}
              onBlur={field.onBlur}
              invalid={!!fieldState.error}
            />
          </Field>
        )}
      />
    </WizardForm>
  );
}
