import type { UseQueryResult } from '@tanstack/react-query';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { CapacityField } from './capacity-field';
import { RadioField, SwitchField } from './controlled-fields';
import { FallbackQueueField } from './fallback-queue-field';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { FormSection } from './form-section';
import { PresencesField } from './presences-field';
import { KeepSameAgentDaysField, SkillFallbackField, WrapUpMinutesField } from './timing-fields';

interface DistributionSectionProps {
  control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput>;
  queues: UseQueryResult<{ items: Queue[] }>;
  /** The mode is chosen once, when the workstream is created. */
  modeFixed: boolean;
}

export function DistributionSection({ control, queues, modeFixed }: DistributionSectionProps) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('workstreams.sections.distribution')} intro={t('workstreams.sections.distributionIntro')}>
      <RadioField
        control={control}
        name="distributionMode"
        label={t('workstreams.fields.distributionMode')}
        hint={modeFixed ? t('workstreams.fields.modeFixedHint') : t('workstreams.fields.modeChoiceHint')}
        disabled={modeFixed}
        options={[
          { value: 'push', label: t('workstreams.modes.push'), hint: t('workstreams.fields.pushHint') },
          { value: 'pick', label: t('workstreams.modes.pick'), hint: t('workstreams.fields.pickHint') },
        ]}
      />
      <FallbackQueueField control={control} queues={queues} />
      <CapacityField control={control} />
      <SwitchField
        control={control}
        name="blockCapacityForWrapUp"
        label={t('workstreams.fields.blockCapacityForWrapUp')}
        hint={t('workstreams.fields.blockCapacityForWrapUpHint')}
      />
      <WrapUpMinutesField control={control} />
      <PresencesField control={control} />
      <RadioField
        control={control}
        name="skillMatching"
        label={t('workstreams.fields.skillMatching')}
        options={(['exact', 'closest', 'none'] as const).map((value) => ({
          value,
          label: t(`workstreams.fields.skill.${value}`),
          hint: t(`workstreams.fields.skill.${value}Hint`),
        }))}
      />
      <SkillFallbackField control={control} />
      <SwitchField
        control={control}
        name="keepSameAgent"
        label={t('workstreams.fields.keepSameAgent')}
        hint={t('workstreams.fields.keepSameAgentHint')}
      />
      <KeepSameAgentDaysField control={control} />
    </FormSection>
  );
}
