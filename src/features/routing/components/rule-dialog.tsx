import { Button, Caption1, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId } from 'react';
import { useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Queue } from '@/api/contract/queue';
import { FormDialog, FormDialogForm } from '@/components/form/form-dialog';
import { FormField } from '@/components/form/form-field';
import { FormTextField, requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { MAX_CONDITIONS_PER_RULE } from '@/domain/routing-rules';
import { ConditionRow } from './condition-row';
import type { RuleContent, RuleFieldError } from './draft-rules';
import { RequiredSkillsField } from './required-skills-field';
import { ruleFormSchemaFor, type RuleFormOutput, type RuleFormValues } from './rule-form-schema';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: 'calc(100vw - 32px)' },
  conditions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  addCondition: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export interface RuleDialogProps {
  open: boolean;
  /** A new value per opening: the form starts afresh from `rule`. */
  formKey: number;
  /** The rule to edit; null to add one. */
  rule: RuleContent | null;
  /** What the server said about this rule at the last save, shown on its fields. */
  serverErrors: readonly RuleFieldError[];
  queues: readonly Queue[];
  /** The names of the workstream's context variables, for conditions on them. */
  contextVariables: readonly string[];
  onApply: (rule: RuleContent) => void;
  onCancel: () => void;
}

export function RuleDialog({ open, formKey, onCancel, ...formProps }: RuleDialogProps) {
  const styles = useStyles();
  return (
    <FormDialog open={open} onDismiss={onCancel} surfaceClassName={styles.surface}>
      <RuleForm key={formKey} onCancel={onCancel} {...formProps} />
    </FormDialog>
  );
}

const emptyRule: RuleFormValues = {
  name: '',
  conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '' }],
  queueId: '',
  requiredSkills: [],
};

function RuleForm({ rule, serverErrors, queues, contextVariables, onApply, onCancel }: Omit<RuleDialogProps, 'open' | 'formKey'>) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useFieldErrorText();
  const conditionsLegendId = useId();
  const form = useForm<RuleFormValues, unknown, RuleFormOutput>({
    resolver: zodResolver(ruleFormSchemaFor(contextVariables)),
    mode: 'onTouched',
    defaultValues: rule
      ? { name: rule.name, conditions: rule.conditions.map((c) => ({ ...c })), queueId: rule.queueId, requiredSkills: rule.requiredSkills.map((s) => ({ ...s })) }
      : emptyRule,
  });
  const conditions = useFieldArray({ control: form.control, name: 'conditions' });
  const { errors } = form.formState;
  const listError = errors.conditions?.root ?? errors.conditions;

  // The server's word on this rule from the last save, on the fields it is about.
  useEffect(() => {
    // No focus here: the dialog puts focus on its first field, and a blur would check the field afresh.
    serverErrors.forEach((error) => {
      form.setError(error.path as FieldPath<RuleFormValues>, { type: 'server', message: error.code });
    });
    // Once, when the form opens: later edits are checked by the form itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const apply = form.handleSubmit(({ name, conditions: parsed, queueId, requiredSkills }) => onApply({ name, conditions: parsed, queueId, requiredSkills }));

  const addCondition = () =>
    conditions.append({ field: 'firstMessage', operator: 'contains', value: '' }, { focusName: `conditions.${conditions.fields.length}.value` });

  return (
    <FormDialogForm
      title={rule ? t('routing.dialog.editTitle') : t('routing.dialog.addTitle')}
      onSubmit={(event) => void apply(event)}
      submitLabel={t('routing.dialog.apply')}
      onCancel={onCancel}
    >
      <FormTextField control={form.control} name="name" label={t('routing.dialog.name')} hint={t('routing.dialog.nameHint')} />
      <fieldset className={styles.conditions} aria-describedby={`${conditionsLegendId}-hint`}>
        <legend className={styles.legend}>
          <Text weight="semibold">{t('routing.dialog.conditions')}</Text>
        </legend>
        <Caption1 id={`${conditionsLegendId}-hint`}>{t('routing.dialog.conditionsHint')}</Caption1>
        {conditions.fields.map((condition, index) => (
          <ConditionRow
            key={condition.id}
            control={form.control}
            getValues={form.getValues}
            setValue={form.setValue}
            index={index}
            contextVariables={contextVariables}
            canRemove={conditions.fields.length > 1}
            onRemove={() => conditions.remove(index)}
          />
        ))}
        {listError?.message && (
          <Text role="alert" className={styles.error}>
            {errorText(listError)}
          </Text>
        )}
        {conditions.fields.length < MAX_CONDITIONS_PER_RULE ? (
          <Button className={styles.addCondition} icon={<AddRegular />} onClick={addCondition}>
            {t('routing.dialog.addCondition')}
          </Button>
        ) : (
          <Caption1>{t('routing.dialog.conditionLimit', { max: MAX_CONDITIONS_PER_RULE })}</Caption1>
        )}
      </fieldset>
      <FormField control={form.control} name="queueId" label={requiredLabel(t('routing.dialog.queue'))} hint={t('routing.dialog.queueHint')}>
        {(field) => (
          <Select ref={field.ref} name={field.name} value={field.value} onBlur={field.onBlur} onChange={(_, data) => field.onChange(data.value)} aria-required>
            <option value="">{t('routing.dialog.chooseQueue')}</option>
            {queues.map((queue) => (
              <option key={queue.id} value={queue.id}>
                {queue.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      <RequiredSkillsField control={form.control} errors={errors.requiredSkills} />
      <Caption1>{t('routing.dialog.applyNote')}</Caption1>
    </FormDialogForm>
  );
}
