import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import type { Workstream } from '@/api/contract/workstream';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useNotify } from '@/components/toast';
import { WizardShell } from '@/components/wizard-shell';
import { paths } from '@/config/paths';
import { useSetUpWhatsApp } from '@/resources/whatsapp-setup';
import { workstreamQueries } from '@/resources/workstreams';
import { useResourceCache } from '@/resources/use-resource-cache';
import { BehaviorsStep } from './behaviors-step';
import { FeaturesStep } from './features-step';
import { LanguageStep } from './language-step';
import { NumberStep } from './number-step';
import { overviewFromDraft } from './overview-data';
import { messageFormPaths, toSetupInput, type SetupDraft } from './setup-draft';
import { isSetupStep, nextStep, previousStep, resolveStep, setupSteps, type FormStep, type SetupStep } from './setup-steps';
import { formFieldOf } from './step-schemas';
import { SummaryStep } from './summary-step';
import { behaviorsOf, useSetupDraft } from './use-setup-draft';
import type { ServerErrors, StepFieldError } from './wizard-state';

/** Finish's field errors placed on the steps and fields they belong to. */
function stepFieldErrors(error: unknown, sent: SetupDraft): StepFieldError[] {
  if (!(error instanceof ApiError)) return [];
  const messagePaths = messageFormPaths(sent);
  return error.fieldErrors.flatMap((fieldError) => {
    const place = formFieldOf(fieldError.path, messagePaths);
    return place ? [{ ...place, code: fieldError.code }] : [];
  });
}

export function WhatsAppSetupWizard({ workstream, accounts }: { workstream: Workstream; accounts: WhatsAppAccount[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const cache = useResourceCache();
  const [searchParams, setSearchParams] = useSearchParams();
  const save = useSetUpWhatsApp(workstream.id);
  const draft = useSetupDraft(workstream);
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [reloaded, setReloaded] = useState(false);

  const requested = searchParams.get('step');
  const step = resolveStep(isSetupStep(requested) ? requested : null, draft.isStepComplete);
  const goTo = (target: SetupStep) => setSearchParams({ step: target });
  const forward = (from: SetupStep) => () => {
    const target = nextStep(from);
    if (target) goTo(target);
  };
  const back = (from: SetupStep) => {
    const target = previousStep(from);
    return target ? () => goTo(target) : undefined;
  };

  const onServerErrorsShown = useCallback((shown: FormStep) => {
    setServerErrors((current) => {
      const steps = current?.steps.filter((s) => s !== shown) ?? [];
      return current && steps.length > 0 ? { ...current, steps } : null;
    });
  }, []);

  const leave = () => {
    draft.discard();
    navigate(paths.workstream(workstream.id));
  };
  const cancel = () => (draft.hasChanges ? setConfirmingCancel(true) : leave());

  // What Finish sends: the behaviors as their step shows them, even if the step was not revisited.
  const final: SetupDraft = { ...draft.draft, ...behaviorsOf(draft.draft) };

  const finish = () => {
    setServerErrors(null);
    setReloaded(false);
    const sent = final;
    save.mutate(toSetupInput(sent), {
      onSuccess: (saved) => {
        draft.discard();
        notify(t(workstream.whatsapp ? 'whatsAppSetup.updated' : 'whatsAppSetup.saved', { name: saved.name }));
        navigate(paths.workstream(saved.id));
      },
      onError: (error) => {
        const errors = stepFieldErrors(error, sent);
        if (errors.length === 0) return;
        const steps = setupSteps.filter((s): s is FormStep => errors.some((e) => e.step === s));
        setServerErrors({ errors, steps });
        goTo(steps[0]!);
      },
    });
  };

  const reload = async () => {
    const fresh = await cache.fetchFresh(workstreamQueries.detail(workstream.id));
    save.reset();
    draft.restart(fresh);
    setReloaded(true);
  };

  if (step !== requested) return <Navigate replace to={{ search: `?step=${step}` }} />;

  const stepProps = { onCancel: cancel, serverErrors, onServerErrorsShown, onBack: back(step) };
  const values = draft.draft;
  const unownedError = save.error && stepFieldErrors(save.error, final).length === 0 ? save.error : null;

  return (
    <>
      <WizardShell
        title={t('whatsAppSetup.titleFor', { name: workstream.name })}
        steps={setupSteps.map((id) => ({ id, label: t(`whatsAppSetup.steps.${id}`) }))}
        current={step}
        onStepSelect={save.isPending ? undefined : goTo}
      >
        {(draft.restored || reloaded) && step === 'number' && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{reloaded ? t('whatsAppSetup.conflictReloaded') : t('whatsAppSetup.draftRestored')}</MessageBarBody>
          </MessageBar>
        )}
        {step === 'number' && (
          <NumberStep
            {...stepProps}
            workstreamId={workstream.id}
            accounts={accounts}
            values={{ numberId: values.numberId }}
            onValuesChange={draft.update}
            onNext={(change) => {
              draft.update(change);
              forward('number')();
            }}
          />
        )}
        {step === 'language' && (
          <LanguageStep
            {...stepProps}
            values={{ language: values.language }}
            onValuesChange={draft.update}
            onNext={(change) => {
              draft.update(change);
              forward('language')();
            }}
          />
        )}
        {step === 'behaviors' && (
          <BehaviorsStep
            {...stepProps}
            values={behaviorsOf(values)}
            onValuesChange={draft.update}
            onNext={(change) => {
              draft.update(change);
              forward('behaviors')();
            }}
          />
        )}
        {step === 'features' && (
          <FeaturesStep
            {...stepProps}
            values={{ attachments: values.attachments }}
            onValuesChange={draft.update}
            onNext={(change) => {
              draft.update(change);
              forward('features')();
            }}
          />
        )}
        {step === 'summary' && (
          <SummaryStep
            data={overviewFromDraft(final, accounts)}
            editTo={(target) => paths.whatsAppSetup(workstream.id, target)}
            onFinish={finish}
            onBack={() => goTo('features')}
            onCancel={cancel}
            saving={save.isPending}
            error={unownedError}
            onReload={() => void reload()}
          />
        )}
      </WizardShell>
      <ConfirmDialog
        open={confirmingCancel}
        title={t('whatsAppSetup.cancelTitle')}
        confirmLabel={t('common.discard')}
        cancelLabel={t('common.keepEditing')}
        onConfirm={leave}
        onCancel={() => setConfirmingCancel(false)}
      >
        {t('whatsAppSetup.cancelBody')}
      </ConfirmDialog>
    </>
  );
}
