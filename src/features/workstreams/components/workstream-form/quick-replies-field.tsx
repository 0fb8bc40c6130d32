import { Body1, Button, Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormTextField } from '@/components/form/form-text-field';
import { MAX_QUICK_REPLIES, quickReplyBuiltInVariables } from '@/domain/quick-replies';
import { TextAreaField } from '@/features/workstreams/components/whatsapp-setup/text-area-field';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { QuickReplyTranslations } from './quick-reply-translations';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, alignItems: 'flex-start' },
  replies: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignSelf: 'stretch' },
  reply: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  replyHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  replyHeading: { ...typographyStyles.body1Strong, margin: 0 },
  subheading: { ...typographyStyles.body1Strong, margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  variables: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, margin: 0, padding: 0, listStyle: 'none' },
  variable: {
    fontFamily: tokens.fontFamilyMonospace,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

type FormControl = Control<WorkstreamFormValues, unknown, WorkstreamFormOutput>;

/** The variables a reply may use: the built-in ones and the context variables defined above. */
function useUsableVariables(control: FormControl): string[] {
  const contextVariables = useWatch({ control, name: 'advanced.contextVariables' });
  const named = contextVariables.map((variable) => variable.name.trim()).filter((name) => name !== '');
  return [...new Set([...quickReplyBuiltInVariables, ...named])];
}

/** Ready-made answers agents insert into their replies; each may have translations per WhatsApp language. */
export function QuickRepliesField({ control }: { control: FormControl }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { fields, append, remove } = useFieldArray({ control, name: 'advanced.quickReplies' });
  const titles = useWatch({ control, name: 'advanced.quickReplies' }) ?? [];
  const variables = useUsableVariables(control);
  const [removing, setRemoving] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const variablesId = useId();
  const full = fields.length >= MAX_QUICK_REPLIES;

  const label = (index: number) => {
    const title = titles[index]?.title?.trim();
    return title ? title : t('workstreams.quickReplies.untitled', { index: index + 1 });
  };

  const confirmRemove = () => {
    if (removing === null) return;
    remove(removing);
    setRemoving(null);
    // The reply and its button are gone: focus lands where the list can grow again.
    addButton.current?.focus();
  };

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.muted}>
        {t('workstreams.quickReplies.intro')}
      </Body1>
      <div>
        <Caption1 as="p" id={variablesId} className={styles.muted}>
          {t('workstreams.quickReplies.variablesHint')}
        </Caption1>
        <ul className={styles.variables} aria-labelledby={variablesId}>
          {variables.map((name) => (
            <li key={name} className={styles.variable}>{`{{${name}}}`}</li>
          ))}
        </ul>
      </div>
      {fields.length === 0 ? (
        <Body1 as="p">{t('workstreams.quickReplies.none')}</Body1>
      ) : (
        <div className={styles.replies}>
          {fields.map((row, index) => (
            <div key={row.id} className={styles.reply} role="group" aria-label={label(index)}>
              <div className={styles.replyHeader}>
                <h4 className={styles.replyHeading}>{label(index)}</h4>
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t('workstreams.quickReplies.remove', { title: label(index) })}
                  onClick={() => setRemoving(index)}
                />
              </div>
              <FormTextField control={control} name={`advanced.quickReplies.${index}.title`} label={t('workstreams.quickReplies.title')} hint={t('workstreams.quickReplies.titleHint')} />
              <TextAreaField control={control} name={`advanced.quickReplies.${index}.body`} label={t('workstreams.quickReplies.text')} hint={t('workstreams.quickReplies.textHint')} />
              <h5 className={styles.subheading}>{t('workstreams.quickReplies.translations')}</h5>
              <QuickReplyTranslations control={control} replyIndex={index} replyLabel={label(index)} />
            </div>
          ))}
        </div>
      )}
      <Button
        ref={addButton}
        icon={<AddRegular />}
        disabled={full}
        onClick={() => append({ title: '', body: '', translations: [] }, { focusName: `advanced.quickReplies.${fields.length}.title` })}
      >
        {t('workstreams.quickReplies.add')}
      </Button>
      {full && <Caption1 className={styles.muted}>{t('workstreams.quickReplies.max', { max: MAX_QUICK_REPLIES })}</Caption1>}
      <ConfirmDialog
        open={removing !== null}
        title={t('workstreams.quickReplies.removeTitle', { title: removing === null ? '' : label(removing) })}
        confirmLabel={t('workstreams.quickReplies.removeConfirm')}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        {t('workstreams.quickReplies.removeBody')}
      </ConfirmDialog>
    </div>
  );
}
