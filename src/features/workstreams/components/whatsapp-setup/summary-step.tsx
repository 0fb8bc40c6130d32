import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { SetupOverview, type OverviewData } from './setup-overview';
import type { FormStep } from './setup-steps';

export interface SummaryStepProps {
  data: OverviewData;
  editTo: (step: FormStep) => string;
  onFinish: () => void;
  onBack: () => void;
  onCancel: () => void;
  saving: boolean;
  /** A failure of Finish that no field owns (server error, network, someone else's change). */
  error: unknown;
  onReload: () => void;
}

export function SummaryStep({ data, editTo, onFinish, onBack, onCancel, saving, error, onReload }: SummaryStepProps) {
  const { t } = useTranslation();
  return (
    <WizardForm
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving) onFinish();
      }}
      footer={
        <WizardFooter
          onBack={onBack}
          onCancel={onCancel}
          nextLabel={t('whatsAppSetup.summary.finish')}
          busy={saving}
          busyLabel={t('whatsAppSetup.summary.saving')}
        />
      }
    >
      <Body1 as="p">{t('whatsAppSetup.summary.intro')}</Body1>
      {error != null && <ProblemAlert error={error} onRetry={onFinish} onReload={onReload} />}
      <SetupOverview data={data} editTo={editTo} />
    </WizardForm>
  );
}
