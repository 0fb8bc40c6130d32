import { Button, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MAX_TEMPLATE_VARIABLE_LENGTH } from '@/api/contract/conversation';
import { hasNoControlCharacter } from '@/api/contract/fields';
import type { MessageTemplate } from '@/api/contract/message-template';
import { ApiError } from '@/api/problem';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { renderTemplate, variableCount } from '@/domain/template-variables';
import { useSendMessage } from '@/resources/conversation-mutations';
import { TemplateMessagePreview } from './template-message-preview';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  variables: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  footer: { display: 'flex', justifyContent: 'flex-end' },
});

const templateSchema = z.object({
  templateId: z.string().min(1, { error: 'template.required' }),
  variables: z.array(
    z
      .string()
      .trim()
      .min(1, { error: 'variable.required' })
      .max(MAX_TEMPLATE_VARIABLE_LENGTH, { error: 'variable.tooLong' })
      .refine(hasNoControlCharacter, { error: 'text.controlCharacter' }),
  ),
});
type TemplateValues = z.input<typeof templateSchema>;
type TemplateOutput = z.output<typeof templateSchema>;

const blanks = (count: number, keep: readonly string[] = []) => Array.from({ length: count }, (_, index) => keep[index] ?? '');
const ownsField = (path: string) => path === 'templateId' || /^variables\.\d+$/.test(path);

interface TemplateFormProps {
  conversationId: string;
  /** Approved, in the conversation's language; at least one. */
  templates: MessageTemplate[];
}

/** Pick an approved template, fill in each {{n}}, check the preview, send. */
export function TemplateForm({ conversationId, templates }: TemplateFormProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const send = useSendMessage(conversationId);
  const [failure, setFailure] = useState<unknown>(null);
  const first = templates[0]!;
  const { control, handleSubmit, setError, setValue, getValues, reset, clearErrors } = useForm<TemplateValues, unknown, TemplateOutput>({
    defaultValues: { templateId: first.id, variables: blanks(variableCount(first.body)) },
    resolver: zodResolver(templateSchema),
  });
  const [templateId, variables] = useWatch({ control, name: ['templateId', 'variables'] });
  const template = templates.find((candidate) => candidate.id === templateId);
  const count = template ? variableCount(template.body) : 0;

  const submit = handleSubmit(async (values) => {
    if (send.isPending) return;
    setFailure(null);
    try {
      await send.mutateAsync({ kind: 'template', templateId: values.templateId, variables: values.variables });
      reset({ templateId: values.templateId, variables: blanks(values.variables.length) });
    } catch (error) {
      const unmatched = applyServerErrors(error, setError, ownsField);
      if (!(error instanceof ApiError) || error.fieldErrors.length === 0 || unmatched.length > 0) setFailure(error);
    }
  });

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className={styles.form}>
      <FormField control={control} name="templateId" label={requiredLabel(t('conversations.templates.template'))}>
        {(field) => (
          <Select
            ref={field.ref}
            name={field.name}
            value={field.value}
            aria-required
            onBlur={field.onBlur}
            onChange={(_, data) => {
              field.onChange(data.value);
              const chosen = templates.find((candidate) => candidate.id === data.value);
              // The values typed stay by number: {{1}} keeps its text when another template also has one.
              setValue('variables', blanks(chosen ? variableCount(chosen.body) : 0, getValues('variables')));
              clearErrors('variables');
            }}
          >
            {templates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {count > 0 && (
        <fieldset className={styles.variables}>
          <legend className={styles.legend}>{t('conversations.templates.variables')}</legend>
          {Array.from({ length: count }, (_, index) => (
            <FormField
              key={`${templateId}-${index}`}
              control={control}
              name={`variables.${index}`}
              label={requiredLabel(t('conversations.templates.variable', { number: index + 1 }))}
            >
              {(field) => (
                <Input
                  ref={field.ref}
                  name={field.name}
                  value={field.value ?? ''}
                  aria-required
                  maxLength={MAX_TEMPLATE_VARIABLE_LENGTH}
                  onBlur={field.onBlur}
                  onChange={(_, data) => field.onChange(data.value)}
                />
              )}
            </FormField>
          ))}
        </fieldset>
      )}
      {template && <TemplateMessagePreview text={renderTemplate(template.body, variables ?? [])} />}
      {failure !== null && <ProblemAlert error={failure} explainFieldErrors onRetry={() => void submit()} />}
      <div className={styles.footer}>
        <Button
          type="submit"
          appearance="primary"
          aria-disabled={send.isPending || undefined}
          icon={send.isPending ? <Spinner size="tiny" /> : <SendRegular />}
        >
          {send.isPending ? t('conversations.composer.sending') : t('conversations.templates.send')}
        </Button>
      </div>
    </form>
  );
}
