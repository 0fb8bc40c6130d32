import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { useFieldArray, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import { useFieldErrorText } from '@/components/form/use-field-error-text';
import { LanguageCombobox } from '@/features/workstreams/components/whatsapp-setup/language-combobox';
import { TextAreaField } from '@/features/workstreams/components/whatsapp-setup/text-area-field';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';

/** The contract's limit on translations per reply. */
const MAX_TRANSLATIONS = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(14ch, 1fr) minmax(20ch, 2fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    alignSelf: 'stretch',
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  remove: { marginTop: '26px', '@media (max-width: 600px)': { marginTop: 0, justifySelf: 'start' } },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface QuickReplyTranslationsProps {
  control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput>;
  replyIndex: number;
  replyLabel: string;
}

/** The reply's text in other WhatsApp languages; a conversation in one of them gets that text. */
export function QuickReplyTranslations({ control, replyIndex, replyLabel }: QuickReplyTranslationsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const wordError = useFieldErrorText();
  const addButton = useRef<HTMLButtonElement>(null);
  const { fields, append, remove } = useFieldArray({ control, name: `advanced.quickReplies.${replyIndex}.translations` });
  // The contract only knows that the value is not a WhatsApp language; here that means none was chosen.
  const languageError = (error: { message?: string | undefined } | undefined) =>
    wordError(error?.message === 'language.invalid' ? { message: 'language.required' } : error);

  return (
    <div className={styles.root}>
      {fields.length === 0 && <Caption1 className={styles.muted}>{t('workstreams.quickReplies.noTranslations')}</Caption1>}
      {fields.map((row, index) => (
        <div key={row.id} className={styles.row} role="group" aria-label={t('workstreams.quickReplies.translationRow', { reply: replyLabel, index: index + 1 })}>
          <FormField
            control={control}
            name={`advanced.quickReplies.${replyIndex}.translations.${index}.language`}
            label={requiredLabel(t('workstreams.quickReplies.language'))}
            errorText={languageError}
          >
            {(field, state) => (
              <LanguageCombobox
                ref={field.ref}
                name={field.name}
                value={typeof field.value === 'string' ? field.value : ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                invalid={state.error !== undefined}
              />
            )}
          </FormField>
          <TextAreaField control={control} name={`advanced.quickReplies.${replyIndex}.translations.${index}.body`} label={t('workstreams.quickReplies.translatedText')} />
          <Button
            className={styles.remove}
            icon={<DeleteRegular />}
            aria-label={t('workstreams.quickReplies.removeTranslation', { reply: replyLabel, index: index + 1 })}
            onClick={() => {
              remove(index);
              addButton.current?.focus();
            }}
          />
        </div>
      ))}
      <Button
        ref={addButton}
        size="small"
        icon={<AddRegular />}
        disabled={fields.length >= MAX_TRANSLATIONS}
        onClick={() => append({ language: '' as never, body: '' }, { focusName: `advanced.quickReplies.${replyIndex}.translations.${fields.length}.language` })}
      >
        {t('workstreams.quickReplies.addTranslation')}
      </Button>
    </div>
  );
}
