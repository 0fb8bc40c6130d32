import { Body1, Subtitle2, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { WizardStepProps } from '@/components/wizard/wizard';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import type { SetupDraft } from './setup-draft';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  limits: { color: tokens.colorNeutralForeground3 },
});

const switches = ['customersCanSend', 'agentsCanSend'] as const;

export function FeaturesStep({ form, onNext, onBack, onCancel }: WizardStepProps<SetupDraft>) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();

  return (
    <WizardForm onSubmit={form.handleSubmit(() => onNext())} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <Body1 as="p">{t('whatsAppSetup.features.intro')}</Body1>
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {t('whatsAppSetup.features.attachmentsHeading')}
        </Subtitle2>
        {switches.map((name) => (
          <Controller
            key={name}
            control={form.control}
            name={`attachments.${name}`}
            render={({ field }) => (
              <Switch
                ref={field.ref}
                checked={field.value}
                onChange={(_, data) => field.onChange(data.checked)}
                label={t(`whatsAppSetup.features.${name}`)}
              />
            )}
          />
        ))}
        <Body1 className={styles.limits}>{t('whatsAppSetup.features.limits')}</Body1>
      </section>
    </WizardForm>
  );
}
