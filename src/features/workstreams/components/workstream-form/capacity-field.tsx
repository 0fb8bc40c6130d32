import { Input, makeStyles, tokens } from '@fluentui/react-components';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { RadioField } from './controlled-fields';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  value: { maxWidth: '16ch' },
});

/** How much of an agent's capacity a conversation takes: the kind, then the number. */
export function CapacityField({ control }: { control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const mode = useWatch({ control, name: 'capacity.mode' });
  return (
    <div className={styles.root}>
      <RadioField
        control={control}
        name="capacity.mode"
        label={t('workstreams.fields.capacityMode')}
        options={[
          { value: 'unit', label: t('workstreams.fields.capacityUnit'), hint: t('workstreams.fields.capacityUnitHint') },
          { value: 'profile', label: t('workstreams.fields.capacityProfile'), hint: t('workstreams.fields.capacityProfileHint') },
        ]}
      />
      <FormField
        control={control}
        name="capacity.value"
        label={requiredLabel(mode === 'profile' ? t('workstreams.fields.capacityProfileValue') : t('workstreams.fields.capacityUnitValue'))}
        hint={t('workstreams.fields.capacityValueHint')}
      >
        {(field) => (
          <Input
            ref={field.ref}
            name={field.name}
            type="number"
            min={1}
            max={1000}
            step={1}
            inputMode="numeric"
            className={styles.value}
            value={String(field.value)}
            aria-required
            onChange={(_, data) => field.onChange(data.value)}
            onBlur={field.onBlur}
          />
        )}
      </FormField>
    </div>
  );
}
