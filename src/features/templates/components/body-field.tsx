import { Button, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { BracesVariableRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { MAX_TEMPLATE_BODY_LENGTH, nextVariable, templateBodyLength } from '@/domain/template-variables';
import type { TemplateFormControl } from './template-form-values';

const useStyles = makeStyles({
  textarea: { minHeight: '9em' },
  below: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  counter: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * The message text, with a character counter and a button that puts the next variable
 * where the caret is. The counter is part of the field's description, read when the field
 * is focused, and deliberately not a live region: it would speak on every keystroke.
 */
export function BodyField({ control }: { control: TemplateFormControl }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const format = (n: number) => n.toLocaleString(i18n.resolvedLanguage === 'fi' ? 'fi-FI' : 'en-US');

  const hint = (value: string) => {
    const length = templateBodyLength(value);
    const counter = t('templates.fields.counter', { count: length, length: format(length), max: format(MAX_TEMPLATE_BODY_LENGTH) });
    return (
      <span className={styles.below}>
        <span>{t('templates.fields.bodyHint')}</span>
        <span className={mergeClasses(styles.counter, length > MAX_TEMPLATE_BODY_LENGTH && styles.over)}>{counter}</span>
      </span>
    );
  };

  return (
    <FormField control={control} name="body" label={requiredLabel(t('templates.fields.body'))} hint={(field) => hint(field.value)}>
      {(field) => {
        const insertVariable = () => {
          const element = textarea.current;
          const value = field.value;
          const start = element?.selectionStart ?? value.length;
          const end = element?.selectionEnd ?? value.length;
          const token = `{{${nextVariable(value)}}}`;
          field.onChange(value.slice(0, start) + token + value.slice(end));
          const caret = start + token.length;
          // After React has put the new text in, so the caret lands behind the variable.
          requestAnimationFrame(() => {
            element?.focus();
            element?.setSelectionRange(caret, caret);
          });
        };

        return (fieldProps) => (
          <>
            <Textarea
              {...fieldProps}
              ref={(element) => {
                textarea.current = element;
                field.ref(element);
              }}
              name={field.name}
              value={field.value}
              onChange={(_, data) => field.onChange(data.value)}
              onBlur={field.onBlur}
              aria-required
              resize="vertical"
              textarea={{ className: styles.textarea }}
            />
            <div>
              <Button type="button" size="small" icon={<BracesVariableRegular />} onClick={insertVariable} style={{ marginTop: tokens.spacingVerticalS }}>
                {t('templates.fields.insertVariable', { variable: `{{${nextVariable(field.value)}}}` })}
              </Button>
            </div>
          </>
        );
      }}
    </FormField>
  );
}
