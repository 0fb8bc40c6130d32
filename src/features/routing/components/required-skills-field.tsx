import { Button, Caption1, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { useFieldArray, useWatch, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_REQUIRED_SKILLS } from '@/api/contract/routing-rule';
import type { User } from '@/api/contract/user';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { ProblemAlert } from '@/components/problem-alert';
import { SkillRows } from '@/components/skills/skill-rows';
import { skillKey } from '@/domain/work-distribution/skills';
import { userQueries } from '@/resources/users';
import type { RuleFormOutput, RuleFormValues } from './rule-form-schema';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  add: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The skills users have, each named once (as first met), sorted; a rule may only require one of them. */
function skillNamesOf(users: readonly User[]): string[] {
  const byKey = new Map<string, string>();
  for (const user of users) for (const skill of user.skills) if (!byKey.has(skillKey(skill.name))) byKey.set(skillKey(skill.name), skill.name);
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

interface RequiredSkillsFieldProps {
  control: Control<RuleFormValues, unknown, RuleFormOutput>;
  errors: FieldErrors<RuleFormValues>['requiredSkills'];
}

/** Optional skills an agent needs for this rule's conversations: a skill some user has, and a minimum level. */
export function RequiredSkillsField({ control, errors }: RequiredSkillsFieldProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const legendId = useId();
  const errorText = useFieldErrorText();
  const addButton = useRef<HTMLButtonElement>(null);
  const users = useQuery(userQueries.list());
  const { fields, append, remove } = useFieldArray({ control, name: 'requiredSkills' });
  const chosen = useWatch({ control, name: 'requiredSkills' }) ?? [];
  const known = skillNamesOf(users.data?.items ?? []);
  const listError = errorText(errors?.root ?? (errors?.message ? errors : undefined));

  // A name the rule has but no user has any more stays choosable, so the server's error can point at it.
  const optionsFor = (current: string) => (current !== '' && !known.some((n) => skillKey(n) === skillKey(current)) ? [current, ...known] : known);
  const removeRow = (index: number) => {
    remove(index);
    addButton.current?.focus();
  };

  return (
    <fieldset className={styles.root} aria-describedby={`${legendId}-hint`}>
      <legend className={styles.legend}>
        <Text weight="semibold">{t('routing.dialog.requiredSkills')}</Text>
      </legend>
      <Caption1 id={`${legendId}-hint`}>{t('routing.dialog.requiredSkillsHint')}</Caption1>
      {users.error != null && <ProblemAlert error={users.error} onRetry={() => void users.refetch()} />}
      {listError && (
        <Text role="alert" className={styles.error}>
          {listError}
        </Text>
      )}
      <SkillRows
        control={control}
        rowIds={fields.map((field) => field.id)}
        emptyText={t('routing.dialog.noRequiredSkills')}
        renderName={(index) => (
          <FormField control={control} name={`requiredSkills.${index}.name`} label={requiredLabel(t('routing.dialog.skill', { index: index + 1 }))}>
            {(bound) => (
              <Select ref={bound.ref} name={bound.name} value={bound.value} aria-required onBlur={bound.onBlur} onChange={(_, data) => bound.onChange(data.value)}>
                <option value="">{t('routing.dialog.chooseSkill')}</option>
                {optionsFor(chosen[index]?.name ?? '').map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        )}
        levelName={(index) => `requiredSkills.${index}.level`}
        levelLabel={(index) => requiredLabel(t('routing.dialog.minLevel', { index: index + 1 }))}
        removeLabel={(index) => t('routing.dialog.removeSkill', { index: index + 1 })}
        onRemove={removeRow}
      />
      {users.isPending ? (
        <Spinner size="tiny" label={t('routing.dialog.loadingSkills')} />
      ) : known.length === 0 && fields.length === 0 ? (
        <Caption1>{t('routing.dialog.noSkillsYet')}</Caption1>
      ) : (
        <Button
          ref={addButton}
          className={styles.add}
          icon={<AddRegular />}
          disabled={fields.length >= MAX_REQUIRED_SKILLS}
          onClick={() => append({ name: '', level: 1 }, { focusName: `requiredSkills.${fields.length}.name` })}
        >
          {t('routing.dialog.addSkill')}
        </Button>
      )}
    </fieldset>
  );
}
