import { makeStyles, tokens } from '@fluentui/react-components';
import { useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormTextField } from '@/components/form/form-text-field';
import { SwitchField } from './controlled-fields';
import type { WorkstreamFormOutput, WorkstreamFormValues } from './form-values';
import { FormSection } from './form-section';

const useStyles = makeStyles({
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Optional: while the switch is off the bot's fields are hidden, and kept for when it is on again. */
export function BotSection({ control }: { control: Control<WorkstreamFormValues, unknown, WorkstreamFormOutput> }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const enabled = useWatch({ control, name: 'bot.enabled' });
  return (
    <FormSection title={t('workstreams.sections.bot')} intro={t('workstreams.sections.botIntro')}>
      <SwitchField control={control} name="bot.enabled" label={t('workstreams.fields.botEnabled')} />
      {enabled && (
        <div className={styles.details}>
          <FormTextField control={control} name="bot.name" label={t('workstreams.fields.botName')} />
          <SwitchField
            control={control}
            name="bot.firstToBot"
            label={t('workstreams.fields.firstToBot')}
            hint={t('workstreams.fields.firstToBotHint')}
          />
        </div>
      )}
    </FormSection>
  );
}
