import { Body1, Button, Caption1, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, CalendarWorkWeekRegular } from '@fluentui/react-icons';
import { useId, useMemo, useRef } from 'react';
import { Controller, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { emptyPeriod, weekdaysNineToFive } from './form-values';
import { FormSection } from './form-section';
import { ListError } from './list-error';
import { PeriodRow } from './period-row';
import { useRowStyles } from './row-styles';
import { timeZoneOptions } from './time-zones';
import type { QueueForm } from './use-queue-form';

const useStyles = makeStyles({
  timeZone: { maxWidth: '360px' },
  fillHint: { color: tokens.colorNeutralForeground2 },
});

export function HoursSection({ form }: { form: QueueForm }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const errorText = useFieldErrorText();
  const fillHintId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const { control, formState } = form;
  const mode = useWatch({ control, name: 'hoursMode' });
  const timeZone = useWatch({ control, name: 'operatingHours.timeZone' });
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'operatingHours.periods' });
  const listError = formState.errors.operatingHours?.periods;

  const removeRow = (index: number) => {
    remove(index);
    addButton.current?.focus();
  };
  const fillWeekdays = () => {
    replace(weekdaysNineToFive());
    void form.trigger('operatingHours.periods');
  };

  return (
    <FormSection title={t('queues.form.hours')} intro={t('queues.form.hoursIntro')}>
      <Controller
        control={control}
        name="hoursMode"
        render={({ field }) => (
          <RadioGroup
            ref={field.ref}
            value={field.value}
            onChange={(_, data) => field.onChange(data.value)}
            aria-label={t('queues.form.hours')}
            layout="horizontal"
          >
            <Radio value="always" label={t('queues.form.alwaysOpen')} />
            <Radio value="set" label={t('queues.form.setHours')} />
          </RadioGroup>
        )}
      />
      {mode === 'set' && (
        <>
          <FormField
            control={control}
            name="operatingHours.timeZone"
            className={styles.timeZone}
            label={requiredLabel(t('queues.form.timeZone'))}
            hint={t('queues.form.timeZoneHint')}
          >
            {(field) => (
              <Select ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
                {zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <Body1 as="p">{t('queues.form.timeHint')}</Body1>
          <ListError text={errorText(listError?.root ?? (listError?.message ? listError : undefined))} />
          <div className={rowStyles.rows}>
            {fields.length === 0 && <Body1>{t('queues.form.noPeriods')}</Body1>}
            {fields.map((field, index) => (
              <PeriodRow key={field.id} control={control} index={index} onRemove={() => removeRow(index)} />
            ))}
          </div>
          <div className={rowStyles.buttons}>
            <Button ref={addButton} icon={<AddRegular />} onClick={() => append(emptyPeriod())}>
              {t('queues.form.addPeriod')}
            </Button>
            <Button icon={<CalendarWorkWeekRegular />} onClick={fillWeekdays} aria-describedby={fillHintId}>
              {t('queues.form.fillWeekdays')}
            </Button>
            <Caption1 id={fillHintId} className={styles.fillHint}>
              {t('queues.form.fillWeekdaysHint')}
            </Caption1>
          </div>
        </>
      )}
    </FormSection>
  );
}
