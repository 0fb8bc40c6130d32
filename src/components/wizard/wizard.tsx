import type { ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { WizardNextLabel, WizardShell } from '@/components/wizard-shell';
import type { WizardController } from './use-wizard';

/** What every step gets from the engine. */
export interface WizardStepProps<V extends FieldValues> {
  /** The wizard's one form; the step renders its own fields of it. */
  form: UseFormReturn<V>;
  /** Goes on once the step's values are valid (call it from `form.handleSubmit`). */
  onNext: () => void;
  onBack?: () => void;
  onCancel: () => void;
}

export interface WizardProps<Id extends string, V extends FieldValues> {
  wizard: WizardController<Id, V>;
  title: string;
  stepLabel: (step: Id) => string;
  /** Whether the step list may lead back to completed steps right now. */
  canSelectSteps: boolean;
  /** The Cancel confirmation, in the words of the wizard. */
  cancelTitle: string;
  cancelBody: string;
  /** The current step's content. */
  children: (step: Id, props: WizardStepProps<V>) => ReactNode;
}

/** The frame, the current step and the Cancel confirmation of a wizard built with {@link useWizard}. */
export function Wizard<Id extends string, V extends FieldValues>({
  wizard,
  title,
  stepLabel,
  canSelectSteps,
  cancelTitle,
  cancelBody,
  children,
}: WizardProps<Id, V>) {
  const { t } = useTranslation();
  if (wizard.redirect !== null) return <Navigate replace to={{ search: wizard.redirect }} />;
  const { step } = wizard;
  return (
    <>
      <WizardShell
        title={title}
        steps={wizard.steps.map(({ id }) => ({ id, label: stepLabel(id) }))}
        current={step}
        onStepSelect={canSelectSteps ? wizard.goTo : undefined}
      >
        <WizardNextLabel.Provider value={wizard.returnTo ? t('common.backToStep', { step: stepLabel(wizard.returnTo) }) : null}>
          {wizard.ready && children(step, { form: wizard.form, onNext: wizard.next, onBack: wizard.back, onCancel: wizard.cancel })}
        </WizardNextLabel.Provider>
      </WizardShell>
      <ConfirmDialog
        open={wizard.confirmingCancel}
        title={cancelTitle}
        confirmLabel={t('common.discard')}
        cancelLabel={t('common.keepEditing')}
        onConfirm={wizard.leave}
        onCancel={() => wizard.setConfirmingCancel(false)}
      >
        {cancelBody}
      </ConfirmDialog>
    </>
  );
}
