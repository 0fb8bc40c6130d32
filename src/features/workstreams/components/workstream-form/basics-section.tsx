import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import { ReadOnlyFacts } from '@/components/read-only-facts';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { FormSection } from './form-section';

/** Name, and what the workstream is: messaging on WhatsApp, the only kind this admin center makes. */
export function BasicsSection({ control }: { control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput> }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('workstreams.sections.basics')}>
      <FormTextField control={control} name="name" label={t('workstreams.fields.name')} hint={t('workstreams.fields.nameHint')} />
      <ReadOnlyFacts
        facts={[
          { label: t('workstreams.fields.type'), value: t('workstreams.fields.typeMessaging') },
          { label: t('workstreams.fields.channel'), value: t('workstreams.fields.channelWhatsApp') },
        ]}
      />
    </FormSection>
  );
}
