import { Body1, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import { useFieldArray, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormNumberField } from '@/components/form/form-number-field';
import { FormTextField } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { MAX_SKILL_LEVEL, MAX_SKILLS, MIN_SKILL_LEVEL } from '@/domain/work-distribution/skills';
import type { UserFormOutput, UserFormValues } from './user-form-values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  rows: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 96px auto', alignItems: 'start', gap: tokens.spacingHorizontalS },
  // Lines the button up with the inputs, below their labels.
  remove: { marginTop: '26px' },
  add: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

interface SkillsFieldProps {
  control: Control<UserFormValues, unknown, UserFormOutput>;
  errors: FieldErrors<UserFormValues>['skills'];
}

/** The user's skills, each a name and a level from 1 to 10; rows are added and removed by button. */
export function SkillsField({ control, errors }: SkillsFieldProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const hintId = useId();
  const errorText = useFieldErrorText();
  const addButton = useRef<HTMLButtonElement>(null);
  const { fields, append, remove } = useFieldArray({ control, name: 'skills' });
  const listError = errorText(errors?.root ?? (errors?.message ? errors : undefined));

  const removeRow = (index: number) => {
    remove(index);
    // The pressed button is gone; without this, focus would fall back to the dialog.
    addButton.current?.focus();
  };

  return (
    <fieldset className={styles.root} aria-describedby={hintId}>
      <legend className={styles.legend}>{t('users.form.skills')}</legend>
      <Text id={hintId} size={200} className={styles.hint}>
        {t('users.form.skillsHint')}
      </Text>
      {listError && (
        <Text role="alert" className={styles.error}>
          {listError}
        </Text>
      )}
      {fields.length === 0 ? (
        <Body1>{t('users.form.noSkills')}</Body1>
      ) : (
        <ul className={styles.rows}>
          {fields.map((field, index) => (
            <li key={field.id} className={styles.row}>
              <FormTextField control={control} name={`skills.${index}.name`} label={t('users.form.skillName', { index: index + 1 })} />
              <FormNumberField
                control={control}
                name={`skills.${index}.level`}
                label={t('users.form.skillLevel', { index: index + 1 })}
                min={MIN_SKILL_LEVEL}
                max={MAX_SKILL_LEVEL}
              />
              <Button
                className={styles.remove}
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t('users.form.removeSkill', { index: index + 1 })}
                onClick={() => removeRow(index)}
              />
            </li>
          ))}
        </ul>
      )}
      <Button
        ref={addButton}
        className={styles.add}
        icon={<AddRegular />}
        disabled={fields.length >= MAX_SKILLS}
        onClick={() => append({ name: '', level: 5 }, { focusName: `skills.${fields.length}.name` })}
      >
        {t('users.form.addSkill')}
      </Button>
    </fieldset>
  );
}
