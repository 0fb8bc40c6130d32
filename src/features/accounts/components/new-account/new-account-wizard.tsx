import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { useNotify } from '@/components/toast';
import { useWizard } from '@/components/wizard/use-wizard';
import { Wizard } from '@/components/wizard/wizard';
import { paths } from '@/config/paths';
import { useCreateAccount } from '@/resources/accounts';
import { AccountStep } from './account-step';
import { CallbackStep } from './callback-step';
import { DetailsStep } from './details-step';
import { NumbersStep } from './numbers-step';
import { clearDraft, emptyValues, hasInput, loadDraft, saveDraft } from './wizard-draft';
import { wizardSteps, type WizardStep } from './wizard-steps';

function stepSearch(step: WizardStep, accountId: string | null): string {
  const params = new URLSearchParams({ step });
  if (step === 'callback' && accountId) params.set('account', accountId);
  return `?${params.toString()}`;
}

export function NewAccountWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const [searchParams, setSearchParams] = useSearchParams();
  const create = useCreateAccount();
  const [restored] = useState(() => loadDraft());

  // Once the account exists, every step leads to its callback step: Back must not offer
  // the filled-in forms again, whose Next would try to create the account a second time.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const accountId = createdId ?? searchParams.get('account');
  const created = createdId !== null || (searchParams.get('step') === 'callback' && accountId !== null);
  // Read by the draft as the token is cleared, before the next render knows the account exists.
  const createdNow = useRef(created);

  const wizard = useWizard({
    steps: wizardSteps,
    initialValues: () => (restored ? { ...restored.values, authToken: '' } : emptyValues()),
    lockedStep: created ? 'callback' : null,
    searchOf: (step) => stepSearch(step, step === 'callback' ? accountId : null),
    // Once the account exists the draft has done its job; keeping it would offer to create it again.
    persist: (values) => (createdNow.current ? clearDraft() : saveDraft(values)),
    hasChanges: hasInput,
    onLeave: () => {
      clearDraft();
      navigate(paths.accounts);
    },
  });
  const { form } = wizard;

  const submit = () => {
    create.mutate(form.getValues(), {
      onSuccess: (account) => {
        createdNow.current = true;
        setCreatedId(account.id);
        // The token has done its job: it stays neither in memory nor in the mutation cache.
        form.setValue('authToken', '');
        create.reset();
        // Replace: the numbers step cannot be submitted twice, so history should not offer it.
        setSearchParams(stepSearch('callback', account.id), { replace: true });
      },
      onError: (error) => void wizard.showServerErrors(error),
    });
  };

  const done = (account: WhatsAppAccount) => {
    clearDraft();
    notify(t('accounts.created', { name: account.name }));
    navigate(`${paths.accounts}?highlight=${encodeURIComponent(account.id)}`);
  };

  const unownedError = create.error && !wizard.ownsAnyField(create.error) ? create.error : null;

  return (
    <Wizard
      wizard={wizard}
      title={t('wizard.title')}
      stepLabel={(step) => t(`wizard.steps.${step}`)}
      canSelectSteps={wizard.step !== 'callback' && !create.isPending}
      cancelTitle={t('wizard.cancelTitle')}
      cancelBody={t('wizard.cancelBody')}
    >
      {(step, props) => {
        switch (step) {
          case 'details':
            return <DetailsStep {...props} />;
          case 'account':
            return <AccountStep {...props} draftRestored={restored?.origin ?? null} />;
          case 'numbers':
            return <NumbersStep {...props} onNext={submit} creating={create.isPending} createError={unownedError} />;
          case 'callback':
            return accountId && <CallbackStep accountId={accountId} onDone={done} />;
        }
      }}
    </Wizard>
  );
}
