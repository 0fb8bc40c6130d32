import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { automatedMessageTriggers } from '@/api/contract/whatsapp-setup';
import type { WizardStepProps } from '@/components/wizard/wizard';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { AutomatedMessageSection } from './automated-message-section';
import type { SetupDraft } from './setup-draft';
import { SurveySection } from './survey-section';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  note: { color: tokens.colorNeutralForeground3 },
});

export function BehaviorsStep({ form, onNext, onBack, onCancel }: WizardStepProps<SetupDraft>) {
  const { t } = useTranslation();
  const styles = useStyles();

  return (
    <WizardForm onSubmit={form.handleSubmit(() => onNext())} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <Body1 as="p">{t('whatsAppSetup.behaviors.intro')}</Body1>
      <div className={styles.group}>
        <Subtitle2 as="h3" className={styles.heading}>
          {t('whatsAppSetup.behaviors.messagesHeading')}
        </Subtitle2>
        <Body1 className={styles.note}>{t('whatsAppSetup.behaviors.otherLanguages')}</Body1>
        {automatedMessageTriggers.map((trigger) => (
          <AutomatedMessageSection key={trigger} control={form.control} trigger={trigger} />
        ))}
      </div>
      <SurveySection control={form.control} />
    </WizardForm>
  );
}
