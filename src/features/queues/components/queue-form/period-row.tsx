import { Button, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { FormTextField, requiredLabel } from '@/components/form/form-text-field';
import { weekdays } from '@/domain/operating-hours';
import { useWeekdayNames } from '../use-weekday-names';
import type { QueueFormOutput, QueueFormValues } from './form-values';
import { useRowStyles } from './row-styles';

const useStyles = makeStyles({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 1.4fr) minmax(90px, 1fr) minmax(90px, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto' },
  },
});

interface PeriodRowProps {
  control: Control<QueueFormValues, unknown, QueueFormOutput>;
  index: number;
  onRemove: () => void;
}

/** One opening period: a day, and the times it opens and closes. */
export function PeriodRow({ control, index, onRemove }: PeriodRowProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const dayNames = useWeekdayNames('long');
  const position = index + 1;
  return (
    <fieldset className={rowStyles.row}>
      <legend className={rowStyles.legend}>{t('queues.form.period', { index: position })}</legend>
      <div className={styles.fields}>
        <FormField control={control} name={`operatingHours.periods.${index}.day`} label={requiredLabel(t('queues.form.day'))}>
          {(field) => (
            <Select ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
              {weekdays.map((day) => (
                <option key={day} value={day}>
                  {dayNames[day]}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormTextField control={control} name={`operatingHours.periods.${index}.open`} label={t('queues.form.open')} code />
        <FormTextField control={control} name={`operatingHours.periods.${index}.close`} label={t('queues.form.close')} code />
        <Button
          className={rowStyles.remove}
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={t('queues.form.removePeriod', { index: position })}
          onClick={onRemove}
        />
      </div>
    </fieldset>
  );
}
