import { Body1, Button, Select, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import { Controller, useFieldArray, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AutomatedMessageTrigger } from '@/api/contract/whatsapp-setup';
import { FormField } from '@/components/form/form-field';
import { requiredLabel } from '@/components/form/form-text-field';
import type { SetupDraft } from './setup-draft';
import { TextAreaField } from './text-area-field';
import { useLanguageLabel, useLanguageOptions } from './use-language-names';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  when: { color: tokens.colorNeutralForeground3 },
  texts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingLeft: tokens.spacingHorizontalXL },
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  rowHead: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  add: { alignSelf: 'flex-start' },
});

interface Props {
  control: Control<SetupDraft>;
  trigger: AutomatedMessageTrigger;
}

/** One automated message: on or off, and its text in the channel's language and any others. */
export function AutomatedMessageSection({ control, trigger }: Props) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const addButton = useRef<HTMLButtonElement>(null);
  const languageLabel = useLanguageLabel();
  const options = useLanguageOptions();
  const { fields, append, remove } = useFieldArray({ control, name: `messages.${trigger}.texts` });
  const enabled = useWatch({ control, name: `messages.${trigger}.enabled` });
  const texts = useWatch({ control, name: `messages.${trigger}.texts` }) ?? [];
  const title = t(`whatsAppSetup.behaviors.triggers.${trigger}.title`);

  const removeRow = (index: number) => {
    remove(index);
    // The pressed button is gone; without this, focus would fall back to the page.
    addButton.current?.focus();
  };

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h4" id={headingId} className={styles.heading}>
        {title}
      </Subtitle2>
      <Body1 className={styles.when}>{t(`whatsAppSetup.behaviors.triggers.${trigger}.when`)}</Body1>
      <Controller
        control={control}
        name={`messages.${trigger}.enabled`}
        render={({ field }) => (
          <Switch
            ref={field.ref}
            checked={field.value}
            onChange={(_, data) => field.onChange(data.checked)}
            label={t(`whatsAppSetup.behaviors.triggers.${trigger}.switch`)}
          />
        )}
      />
      {enabled && (
        <div className={styles.texts}>
          {fields.map((row, index) => {
            const language = texts[index]?.language ?? '';
            const usedElsewhere = new Set(texts.filter((_, j) => j !== index).map((other) => other.language));
            const textLabel = language
              ? t('whatsAppSetup.behaviors.textLabel', { message: title, language: languageLabel(language) })
              : t('whatsAppSetup.behaviors.textUnnamed', { index: index + 1 });
            return (
              <div key={row.id} className={styles.row}>
                {index > 0 && (
                  <div className={styles.rowHead}>
                    <FormField
                      control={control}
                      name={`messages.${trigger}.texts.${index}.language`}
                      label={requiredLabel(t('whatsAppSetup.behaviors.textLanguage', { index: index + 1 }))}
                    >
                      {(field) => (
                        <Select
                          ref={field.ref}
                          name={field.name}
                          value={field.value}
                          onChange={(_, data) => field.onChange(data.value)}
                          onBlur={field.onBlur}
                          aria-required
                        >
                          <option value="">{t('whatsAppSetup.behaviors.chooseLanguage')}</option>
                          {options
                            .filter((option) => option.code === field.value || !usedElsewhere.has(option.code))
                            .map((option) => (
                              <option key={option.code} value={option.code}>
                                {option.label}
                              </option>
                            ))}
                        </Select>
                      )}
                    </FormField>
                    <Button
                      icon={<DeleteRegular />}
                      appearance="subtle"
                      aria-label={
                        language
                          ? t('whatsAppSetup.behaviors.removeLanguage', { language: languageLabel(language) })
                          : t('whatsAppSetup.behaviors.removeUnnamed', { index: index + 1 })
                      }
                      onClick={() => removeRow(index)}
                    />
                  </div>
                )}
                <TextAreaField
                  control={control}
                  name={`messages.${trigger}.texts.${index}.text`}
                  label={textLabel}
                  hint={index === 0 ? t('whatsAppSetup.behaviors.textHint') : undefined}
                />
              </div>
            );
          })}
          <Button
            ref={addButton}
            className={styles.add}
            icon={<AddRegular />}
            onClick={() => append({ language: '', text: '' }, { shouldFocus: true, focusName: `messages.${trigger}.texts.${fields.length}.language` })}
          >
            {t('whatsAppSetup.behaviors.addLanguage')}
          </Button>
        </div>
      )}
    </section>
  );
}
