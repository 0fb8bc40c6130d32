import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import type { AccountWizardValues } from './step-schemas';

const useStyles = makeStyles({
  row: {
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalL}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  legend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  // Lines the button up with the inputs, below their labels.
  remove: { marginTop: '26px' },
});

/** One number of the list, a group named "Number N" so its two fields can be told apart. */
export function NumberRow({ control, index, onRemove }: { control: Control<AccountWizardValues>; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const position = index + 1;
  return (
    <fieldset className={styles.row}>
      <legend className={styles.legend}>{t('numbers.rowLabel', { index: position })}</legend>
      <div className={styles.fields}>
        <FormTextField control={control} name={`numbers.${index}.name`} label={t('fields.numberName')} />
        <FormTextField
          control={control}
          name={`numbers.${index}.number`}
          label={t('fields.number')}
          hint={t('fields.numberHint')}
          code
          inputMode="tel"
          clean="phone"
        />
        <Button
          className={styles.remove}
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={t('numbers.removeRow', { index: position })}
          onClick={onRemove}
        />
      </div>
    </fieldset>
  );
}
