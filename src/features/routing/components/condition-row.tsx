import { Button, Field, Input, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { Controller, useWatch, type Control, type UseFormGetValues, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { visuallyHidden } from '@/components/visually-hidden';
import { operatorsByField, type ConditionField, type ConditionOperator } from '@/domain/routing-rules';
import type { RuleFormValues } from './rule-form-schema';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(11rem, 1fr) minmax(8rem, 0.8fr) minmax(10rem, 1.4fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalS,
    border: 'none',
    margin: 0,
    padding: 0,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  withVariable: {
    gridTemplateColumns: 'minmax(10rem, 1fr) minmax(9rem, 1fr) minmax(8rem, 0.8fr) minmax(10rem, 1.4fr) auto',
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  legend: visuallyHidden,
  remove: { marginTop: '26px', '@media (max-width: 640px)': { marginTop: 0, justifySelf: 'start' } },
});

const fields: readonly ConditionField[] = ['customerPhone', 'firstMessage', 'contextVariable'];

interface ConditionRowProps {
  control: Control<RuleFormValues>;
  getValues: UseFormGetValues<RuleFormValues>;
  setValue: UseFormSetValue<RuleFormValues>;
  index: number;
  /** The names of the workstream's context variables, which a condition may compare. */
  contextVariables: readonly string[];
  canRemove: boolean;
  onRemove: () => void;
}

/** One condition: field, a comparison that fits the field, and the value to compare with. */
export function ConditionRow({ control, getValues, setValue, index, contextVariables, canRemove, onRemove }: ConditionRowProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const field = useWatch({ control, name: `conditions.${index}.field` }) as ConditionField;
  const operators = operatorsByField[field] ?? operatorsByField.customerPhone;
  const byVariable = field === 'contextVariable';
  const noVariables = contextVariables.length === 0;

  return (
    <fieldset className={mergeClasses(styles.row, byVariable && styles.withVariable)}>
      <legend className={styles.legend}>{t('routing.dialog.condition', { index: index + 1 })}</legend>
      <Controller
        control={control}
        name={`conditions.${index}.field`}
        render={({ field: input }) => (
          <Field label={t('routing.dialog.field')} hint={noVariables ? t('routing.dialog.noVariablesHint') : undefined}>
            <Select
              ref={input.ref}
              name={input.name}
              value={input.value}
              onBlur={input.onBlur}
              onChange={(_, data) => {
                const next = data.value as ConditionField;
                input.onChange(next);
                const operator = getValues(`conditions.${index}.operator`) as ConditionOperator;
                // The comparisons differ by field: keep the chosen one when it still fits.
                if (!operatorsByField[next].includes(operator)) {
                  setValue(`conditions.${index}.operator`, operatorsByField[next][0]!, { shouldDirty: true });
                }
              }}
            >
              {fields.map((f) => (
                // Without context variables there is nothing to compare; the hint says where to add them.
                <option key={f} value={f} disabled={f === 'contextVariable' && noVariables && input.value !== f}>
                  {t(`routing.fields.${f}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      />
      {byVariable && (
        <FormField control={control} name={`conditions.${index}.variable`} label={requiredLabel(t('routing.dialog.variable'))}>
          {(input) => (
            <Select
              ref={input.ref}
              name={input.name}
              value={input.value ?? ''}
              onBlur={input.onBlur}
              onChange={(_, data) => input.onChange(data.value)}
              aria-required
            >
              <option value="">{t('routing.dialog.chooseVariable')}</option>
              {contextVariables.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              {/* A saved rule may name a variable the workstream no longer has: shown, and refused on apply. */}
              {input.value && !contextVariables.some((name) => name.toLowerCase() === input.value?.toLowerCase()) && (
                <option value={input.value}>{input.value}</option>
              )}
            </Select>
          )}
        </FormField>
      )}
      <FormField control={control} name={`conditions.${index}.operator`} label={t('routing.dialog.operator')}>
        {(input) => (
          <Select ref={input.ref} name={input.name} value={input.value} onBlur={input.onBlur} onChange={(_, data) => input.onChange(data.value)}>
            {operators.map((operator) => (
              <option key={operator} value={operator}>
                {t(`routing.operators.${operator}`)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <FormField
        control={control}
        name={`conditions.${index}.value`}
        label={requiredLabel(t('routing.dialog.value'))}
        hint={field === 'customerPhone' ? t('routing.dialog.phoneHint') : byVariable ? t('routing.dialog.variableValueHint') : t('routing.dialog.messageHint')}
      >
        {(input) => (
          <Input
            ref={input.ref}
            name={input.name}
            value={input.value}
            onChange={(_, data) => input.onChange(data.value)}
            onBlur={input.onBlur}
            aria-required
            autoComplete="off"
            inputMode={field === 'customerPhone' ? 'tel' : undefined}
          />
        )}
      </FormField>
      <Button
        className={styles.remove}
        icon={<DeleteRegular />}
        aria-label={t('routing.dialog.removeCondition', { index: index + 1 })}
        disabled={!canRemove}
        onClick={onRemove}
      />
    </fieldset>
  );
}
