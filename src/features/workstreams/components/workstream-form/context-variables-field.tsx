import { Body1, Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, ErrorCircle12Filled } from '@fluentui/react-icons';
import { useRef } from 'react';
import { Controller, useFieldArray, useFormState, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_CONTEXT_VARIABLES, variableTypes } from '@/api/contract/workstream';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignSelf: 'stretch' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12ch, 2fr) minmax(10ch, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  remove: { marginTop: '26px', '@media (max-width: 600px)': { marginTop: 0, justifySelf: 'start' } },
  muted: { color: tokens.colorNeutralForeground2 },
  error: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorPaletteRedForeground1 },
});

/** Rows of name and type; names are unique regardless of case, which the schema checks. */
export function ContextVariablesField({ control }: { control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const { fields, append, remove } = useFieldArray({ control, name: 'advanced.contextVariables' });
  const full = fields.length >= MAX_CONTEXT_VARIABLES;
  const addButton = useRef<HTMLButtonElement>(null);
  // Errors of single rows sit on their fields; this one is about the list as a whole.
  const { errors } = useFormState({ control, name: 'advanced.contextVariables' });
  const listError = errors.advanced?.contextVariables;
  const listMessage = errorText(listError?.root ?? (typeof listError?.message === 'string' ? { message: listError.message } : undefined));

  const removeRow = (index: number) => {
    remove(index);
    // The row and its button are gone: focus lands where the list can grow again.
    addButton.current?.focus();
  };

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.muted}>
        {t('workstreams.fields.contextVariablesIntro')}
      </Body1>
      {fields.length === 0 ? (
        <Body1 as="p">{t('workstreams.fields.noVariables')}</Body1>
      ) : (
        <div className={styles.rows}>
          {fields.map((row, index) => (
            <div key={row.id} className={styles.row} role="group" aria-label={t('workstreams.fields.variableRow', { index: index + 1 })}>
              <FormField control={control} name={`advanced.contextVariables.${index}.name`} label={requiredLabel(t('workstreams.fields.variableName'))}>
                {(field) => (
                  <Input
                    ref={field.ref}
                    name={field.name}
                    value={field.value}
                    aria-required
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(_, data) => field.onChange(data.value)}
                    onBlur={field.onBlur}
                  />
                )}
              </FormField>
              <Controller
                control={control}
                name={`advanced.contextVariables.${index}.type`}
                render={({ field }) => (
                  <Field label={t('workstreams.fields.variableType')}>
                    <Select ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)} onBlur={field.onBlur}>
                      {variableTypes.map((type) => (
                        <option key={type} value={type}>
                          {t(`workstreams.fields.variableTypes.${type}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
              />
              <Button
                className={styles.remove}
                icon={<DeleteRegular />}
                aria-label={t('workstreams.fields.removeVariable', { index: index + 1 })}
                onClick={() => removeRow(index)}
              />
            </div>
          ))}
        </div>
      )}
      {listMessage && (
        <Caption1 role="alert" className={styles.error}>
          <ErrorCircle12Filled aria-hidden />
          {listMessage}
        </Caption1>
      )}
      <Button ref={addButton} icon={<AddRegular />} disabled={full} onClick={() => append({ name: '', type: 'text' }, { shouldFocus: true })}>
        {t('workstreams.fields.addVariable')}
      </Button>
      {full && <Caption1 className={styles.muted}>{t('workstreams.fields.variablesMax', { max: MAX_CONTEXT_VARIABLES })}</Caption1>}
    </div>
  );
}
