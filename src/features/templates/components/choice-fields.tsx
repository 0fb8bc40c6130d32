import { Caption1, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { templateCategories, templateStatuses } from '@/api/contract/message-template';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import type { TemplateFormControl } from './template-form-values';

const useStyles = makeStyles({
  option: { display: 'flex', flexDirection: 'column' },
  explanation: { color: tokens.colorNeutralForeground2 },
});

/** Utility, marketing or authentication, each with what WhatsApp means by it. */
export function CategoryField({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <FormField control={control} name="category" label={requiredLabel(t('templates.fields.category'))}>
      {(field) => (
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
      )}
    </FormField>
  );
}

/** Where the template stands with WhatsApp; a rejection asks for the reason WhatsApp gave. */
export function StatusFields({ control }: { control: TemplateFormControl }) {
  const { t } = useTranslation();
  const status = useWatch({ control, name: 'status' });
  return (
    <>
      <FormField control={control} name="status" label={t('templates.fields.status')} hint={t('templates.fields.statusHint')}>
        {(field) => (
          <RadioGroup ref={field.ref} name={field.name} layout="horizontal" value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
            {templateStatuses.map((value) => (
              <Radio key={value} value={value} label={t(`templates.statuses.${value}`)} />
            ))}
          </RadioGroup>
        )}
      </FormField>
      {status === 'rejected' && (
        <FormField
          control={control}
          name="rejectionReason"
          label={requiredLabel(t('templates.fields.rejectionReason'))}
          hint={t('templates.fields.rejectionReasonHint')}
        >
          {(field) => (
            <Textarea
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={(_, data) => field.onChange(data.value)}
              onBlur={field.onBlur}
              aria-required
              resize="vertical"
            />
          )}
        </FormField>
      )}
    </>
  );
}
