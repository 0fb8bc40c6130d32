import { Caption1, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { templateCategories, templateStatuses } from '@/api/contract/message-template';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import type { TemplateFormControl } from './template-form-values';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column' },
  explanation: { color: tokens.colorNeutralForeground2 },
});

/** Utility, marketing or authentication, each with what WhatsApp means by it. */
export function CategoryField({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  return (
    <Controller
      control={control}
      name="category"
      render={({ field, fieldState }) => (
        <Field
          label={requiredLabel(t('templates.fields.category'))}
          validationState={fieldState.error ? 'error' : 'none'}
          validationMessage={errorText(fieldState.error)}
        >
          <RadioGroup ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
            {templateCategories.map((category) => (
              <Radio
                key={category}
                value={category}
                label={
                  <span className={styles.option}>
                    <span>{t(`templates.categories.${category}`)}</span>
                    <Caption1 className={styles.explanation}>{t(`templates.categoryHints.${category}`)}</Caption1>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Field>
      )}
    />
  );
}

/** Where the template stands with WhatsApp; a rejection asks for the reason WhatsApp gave. */
export function StatusFields({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  const status = useWatch({ control, name: 'status' });
  return (
    <>
      <Controller
        control={control}
        name="status"
        render={({ field, fieldState }) => (
          <Field
            label={t('templates.fields.status')}
            hint={t('templates.fields.statusHint')}
            validationState={fieldState.error ? 'error' : 'none'}
            validationMessage={errorText(fieldState.error)}
          >
            <RadioGroup ref={field.ref} name={field.name} layout="horizontal" value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
              {templateStatuses.map((value) => (
                <Radio key={value} value={value} label={t(`templates.statuses.${value}`)} />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      {status === 'rejected' && (
        <Controller
          control={control}
          name="rejectionReason"
          render={({ field, fieldState }) => (
            <Field
              label={requiredLabel(t('templates.fields.rejectionReason'))}
              hint={t('templates.fields.rejectionReasonHint')}
              validationState={fieldState.error ? 'error' : 'none'}
              validationMessage={errorText(fieldState.error)}
            >
              <Textarea
                ref={field.ref}
                name={field.name}
                value={field.value}
                onChange={(_, data) => field.onChange(data.value)}
                onBlur={field.onBlur}
                aria-required
                resize="vertical"
              />
            </Field>
          )}
        />
      )}
    </>
  );
}
