import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormNumberField } from '@/components/form/form-number-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { MAX_KEEP_SAME_AGENT_DAYS, MAX_SKILL_FALLBACK_MINUTES, MAX_WRAP_UP_MINUTES, workstreamDefaults } from '@/api/contract/workstream';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

type WorkstreamControl = Control<WorkstreamFormValues, unknown, WorkstreamFormOutput>;

const useStyles = makeStyles({
  // Set in under the switch or choice it belongs to.
  nested: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginLeft: tokens.spacingHorizontalXXL },
});

/** Wrap-up minutes, shown while capacity is blocked for wrap-up. */
export function WrapUpMinutesField({ control }: { control: WorkstreamControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const shown = useWatch({ control, name: 'blockCapacityForWrapUp' });
  if (!shown) return null;
  return (
    <div className={styles.nested}>
      <FormNumberField
        control={control}
        name="wrapUpMinutes"
        label={requiredLabel(t('workstreams.fields.wrapUpMinutes'))}
        hint={t('workstreams.fields.wrapUpMinutesHint')}
        min={1}
        max={MAX_WRAP_UP_MINUTES}
        narrow
      />
    </div>
  );
}

/** With exact skill matching: how long to wait for a skilled agent, or never to fall back (null). */
export function SkillFallbackField({ control }: { control: WorkstreamControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const matching = useWatch({ control, name: 'skillMatching' });
  const minutes = useWatch({ control, name: 'skillFallbackMinutes' });
  if (matching !== 'exact') return null;
  return (
    <div className={styles.nested}>
      <Controller
        control={control}
        name="skillFallbackMinutes"
        render={({ field }) => (
          <Checkbox
            label={t('workstreams.fields.skillFallbackNever')}
            checked={field.value === null}
            onChange={(_, data) => field.onChange(data.checked === true ? null : workstreamDefaults.skillFallbackMinutes)}
          />
        )}
      />
      {minutes !== null && (
        <FormNumberField
          control={control}
          name="skillFallbackMinutes"
          label={requiredLabel(t('workstreams.fields.skillFallbackMinutes'))}
          hint={t('workstreams.fields.skillFallbackMinutesHint')}
          min={1}
          max={MAX_SKILL_FALLBACK_MINUTES}
          narrow
        />
      )}
    </div>
  );
}

/** How many days a returning customer goes back to their previous agent, shown while that is on. */
export function KeepSameAgentDaysField({ control }: { control: WorkstreamControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const shown = useWatch({ control, name: 'keepSameAgent' });
  if (!shown) return null;
  return (
    <div className={styles.nested}>
      <FormNumberField
        control={control}
        name="keepSameAgentDays"
        label={requiredLabel(t('workstreams.fields.keepSameAgentDays'))}
        hint={t('workstreams.fields.keepSameAgentDaysHint')}
        min={1}
        max={MAX_KEEP_SAME_AGENT_DAYS}
        narrow
      />
    </div>
  );
}
