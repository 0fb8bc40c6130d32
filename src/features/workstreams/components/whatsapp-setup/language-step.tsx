import { Body1, Field } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { LanguageCombobox } from './language-combobox';
import { languageStepSchema, type LanguageValues } from './step-schemas';
import { useStepForm } from './use-step-form';
import type { StepProps } from './wizard-state';

export function LanguageStep(props: StepProps<LanguageValues>) {
  const { onNext, onBack, onCancel } = props;
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  const form = useStepForm(languageStepSchema, 'language', props);

  return (
    <WizardForm onSubmit={form.handleSubmit(onNext)} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
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
