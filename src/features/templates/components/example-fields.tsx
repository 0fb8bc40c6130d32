import { Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { variableCount } from '@/domain/template-variables';
import type { TemplateFormControl } from './template-form-values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  intro: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** One example value per variable of the body; fields come and go as variables are typed. */
export function ExampleFields({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const body = useWatch({ control, name: 'body' });
  const { errors } = useFormState({ control, name: 'examples' });
  const count = variableCount(body);
  if (count === 0) return null;
  const listError = errorText(errors.examples?.root ?? (typeof errors.examples?.message === 'string' ? errors.examples : undefined));

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>
        <Text weight="semibold">{t('templates.fields.examples')}</Text>
      </legend>
      <Text size={200} className={styles.intro}>
        {t('templates.fields.examplesHint')}
      </Text>
      {listError && (
        <Text role="alert" size={200} className={styles.error}>
          {listError}
        </Text>
      )}
      {Array.from({ length: count }, (_, index) => (
        <FormField
          key={index}
          control={control}
          name={`examples.${index}`}
          label={requiredLabel(t('templates.fields.example', { variable: `{{${index + 1}}}` }))}
        >
          {(field) => (
            <Input
              ref={field.ref}
              name={field.name}
              value={field.value ?? ''}
              onChange={(_, data) => field.onChange(data.value)}
              onBlur={field.onBlur}
              aria-required
              autoComplete="off"
            />
          )}
        </FormField>
      ))}
    </fieldset>
  );
}
