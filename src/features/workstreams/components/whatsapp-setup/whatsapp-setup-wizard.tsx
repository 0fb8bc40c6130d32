import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import type { Workstream } from '@/api/contract/workstream';
import { useNotify } from '@/components/toast';
import { RETURN_PARAM, useWizard } from '@/components/wizard/use-wizard';
import { Wizard } from '@/components/wizard/wizard';
import { paths } from '@/config/paths';
import { useSetUpWhatsApp } from '@/resources/whatsapp-setup';
import { workstreamQueries } from '@/resources/workstreams';
import { useResourceCache } from '@/resources/use-resource-cache';
import { BehaviorsStep } from './behaviors-step';
import { FeaturesStep } from './features-step';
import { LanguageStep } from './language-step';
import { NumberStep } from './number-step';
import { overviewFromDraft } from './overview-data';
import { draftFromSetup, hasChanges, loadDraft, messageFormPaths, saveDraft, toSetupInput, type SetupDraft } from './setup-draft';
import { behaviorsOf, setupSteps } from './setup-wizard-steps';
import { formFieldOf } from './step-schemas';
import { SummaryStep } from './summary-step';

function startOf(workstream: Workstream) {
  const initial = draftFromSetup(workstream.whatsapp, workstream.version);
  const stored = loadDraft(workstream.id);
  return { initial, values: stored?.values ?? initial, restored: stored?.origin ?? null };
}

/** Where Finish's field errors go: messages are flattened in the request, so the values sent lead each back. */
const placesIn = (sent: SetupDraft) => {
  const messagePaths = messageFormPaths(sent);
  return (path: string) => formFieldOf(path, messagePaths);
};

export function WhatsAppSetupWizard({ workstream, accounts }: { workstream: Workstream; accounts: WhatsAppAccount[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const cache = useResourceCache();
  const save = useSetUpWhatsApp(workstream.id);
  const [start] = useState(() => startOf(workstream));
  // What the draft is compared with; a ref, so a restart is seen by the draft at once.
  const initial = useRef(start.initial);
  const [restored, setRestored] = useState(start.restored);
  const [reloaded, setReloaded] = useState(false);

  const wizard = useWizard({
    steps: setupSteps,
    initialValues: () => start.values,
    // The draft is kept while it differs from what is saved.
    persist: (values) => saveDraft(workstream.id, hasChanges(values, initial.current) ? values : null),
    // The behaviors and the summary show the channel's language first in every message, even if the language changed.
    prepareStep: (step, form) => {
      if (step === 'behaviors' || step === 'summary') form.setValue('messages', behaviorsOf(form.getValues()).messages);
    },
    hasChanges: (values) => hasChanges(values, initial.current),
    onLeave: () => {
      saveDraft(workstream.id, null);
      navigate(paths.workstream(workstream.id));
    },
  });
  const { form } = wizard;

  const finish = () => {
    setReloaded(false);
    const sent = form.getValues();
    save.mutate(toSetupInput(sent), {
      onSuccess: (saved) => {
        saveDraft(workstream.id, null);
        notify(t(workstream.whatsapp ? 'whatsAppSetup.updated' : 'whatsAppSetup.saved', { name: saved.name }));
        navigate(paths.workstream(saved.id));
      },
      onError: (error) => void wizard.showServerErrors(error, placesIn(sent)),
    });
  };

  /** Starts over from the setup as it is saved now (after someone else changed it). */
  const reload = async () => {
    const fresh = await cache.fetchFresh(workstreamQueries.detail(workstream.id));
    save.reset();
    saveDraft(fresh.id, null);
    initial.current = draftFromSetup(fresh.whatsapp, fresh.version);
    form.reset(initial.current);
    setRestored(null);
    setReloaded(true);
  };

  const unownedError = save.error && !wizard.ownsAnyField(save.error, placesIn(form.getValues())) ? save.error : null;

  return (
    <Wizard
      wizard={wizard}
      title={t('whatsAppSetup.titleFor', { name: workstream.name })}
      stepLabel={(id) => t(`whatsAppSetup.steps.${id}`)}
      canSelectSteps={!save.isPending}
      cancelTitle={t('whatsAppSetup.cancelTitle')}
      cancelBody={t('whatsAppSetup.cancelBody')}
    >
      {(current, props) => (
        <>
          {(restored !== null || reloaded) && current === 'number' && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {reloaded
                  ? t('whatsAppSetup.conflictReloaded')
                  : t(restored === 'reload' ? 'whatsAppSetup.draftRestored' : 'whatsAppSetup.draftKept')}
              </MessageBarBody>
            </MessageBar>
          )}
          {current === 'number' && <NumberStep {...props} workstreamId={workstream.id} accounts={accounts} />}
          {current === 'language' && <LanguageStep {...props} />}
          {current === 'behaviors' && <BehaviorsStep {...props} />}
          {current === 'features' && <FeaturesStep {...props} />}
          {current === 'summary' && (
            <SummaryStep
              data={overviewFromDraft(form.getValues(), accounts)}
              // The edited step leads back here, keeping the later steps' choices.
              editTo={(target) => `${paths.whatsAppSetup(workstream.id, target)}&${RETURN_PARAM}=summary`}
              onFinish={finish}
              onBack={props.onBack!}
              onCancel={props.onCancel}
              saving={save.isPending}
              error={unownedError}
              onReload={() => void reload()}
            />
          )}
        </>
      )}
    </Wizard>
  );
}
