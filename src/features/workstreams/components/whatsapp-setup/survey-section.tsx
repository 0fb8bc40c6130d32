import { Body1, Field, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import type { SetupDraft, SurveyMode } from './setup-draft';
import { TextAreaField } from './text-area-field';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  when: { color: tokens.colorNeutralForeground3 },
});

const modes: SurveyMode[] = ['off', 'link', 'text'];

/** The survey sent when a conversation closes: off, a link, or a question as text. */
export function SurveySection({ control }: { control: Control<SetupDraft> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const mode = useWatch({ control, name: 'survey.mode' });

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('whatsAppSetup.behaviors.surveyHeading')}
      </Subtitle2>
      <Body1 className={styles.when}>{t('whatsAppSetup.behaviors.surveyWhen')}</Body1>
      <Controller
        control={control}
        name="survey.mode"
        render={({ field }) => (
          <Field label={t('whatsAppSetup.behaviors.surveyMode')}>
            <RadioGroup ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)}>
              {modes.map((value) => (
                <Radio key={value} value={value} label={t(`whatsAppSetup.behaviors.surveyModes.${value}`)} />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      {mode === 'link' && (
        <FormTextField
          control={control}
          name="survey.url"
          label={t('whatsAppSetup.behaviors.surveyUrl')}
          hint={t('whatsAppSetup.behaviors.surveyUrlHint')}
          autoComplete="url"
        />
      )}
      {mode === 'text' && (
        <TextAreaField
          control={control}
          name="survey.text"
          label={t('whatsAppSetup.behaviors.surveyText')}
          hint={t('whatsAppSetup.behaviors.surveyTextHint')}
        />
      )}
    </section>
  );
}
