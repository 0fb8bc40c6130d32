import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import { useFieldArray, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { SkillRows } from '@/components/skills/skill-rows';
import { MAX_SKILLS } from '@/domain/work-distribution/skills';
import type { UserFormOutput, UserFormValues } from './user-form-values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
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
      <SkillRows
        control={control}
        rowIds={fields.map((field) => field.id)}
        emptyText={t('users.form.noSkills')}
        renderName={(index) => <FormTextField control={control} name={`skills.${index}.name`} label={t('users.form.skillName', { index: index + 1 })} />}
        levelName={(index) => `skills.${index}.level`}
        levelLabel={(index) => t('users.form.skillLevel', { index: index + 1 })}
        removeLabel={(index) => t('users.form.removeSkill', { index: index + 1 })}
        onRemove={removeRow}
      />
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
