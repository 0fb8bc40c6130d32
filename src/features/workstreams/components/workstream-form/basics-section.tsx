import { Field, Input } from '@fluentui/react-components';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { FormSection } from './form-section';

/** Name, and what the workstream is: messaging on WhatsApp, the only kind this admin center makes. */
export function BasicsSection({ control }: { control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput> }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('workstreams.sections.basics')}>
      <FormTextField control={control} name="name" label={t('workstreams.fields.name')} hint={t('workstreams.fields.nameHint')} />
      <Field label={t('workstreams.fields.type')}>
        <Input readOnly value={t('workstreams.fields.typeMessaging')} />
      </Field>
      <Field label={t('workstreams.fields.channel')}>
        <Input readOnly value={t('workstreams.fields.channelWhatsApp')} />
      </Field>
    </FormSection>
  );
}
