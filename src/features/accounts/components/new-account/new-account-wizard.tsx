import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { AccountCreateInput, WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { ApiError } from '@/api/problem';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useNotify } from '@/components/toast';
import { WizardShell } from '@/components/wizard-shell';
import { paths } from '@/config/paths';
import { useCreateAccount } from '@/resources/accounts';
import { AccountStep } from './account-step';
import { CallbackStep } from './callback-step';
import { DetailsStep } from './details-step';
import { NumbersStep } from './numbers-step';
import { stepOfField } from './step-schemas';
import { useDraft } from './use-draft';
import type { ServerErrors } from './wizard-state';
import { isWizardStep, previousStep, resolveStep, wizardSteps, type FormStep, type WizardStep } from './wizard-steps';

function stepSearch(step: WizardStep, accountId: string | null): string {
  const params = new URLSearchParams({ step });
  if (step === 'callback' && accountId) params.set('account', accountId);
  return `?${params.toString()}`;
}

/** The steps, in order, that own a field the server found fault with. */
function stepsWithFieldErrors(error: unknown): FormStep[] {
  if (!(error instanceof ApiError)) return [];
  const owners = new Set(error.fieldErrors.map((fieldError) => stepOfField(fieldError.path)));
  return wizardSteps.filter((step): step is FormStep => step !== 'callback' && owners.has(step));
}

export function NewAccountWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notify = useNotify();
  const [searchParams, setSearchParams] = useSearchParams();
  const create = useCreateAccount();
  const [serverErrors, setServerErrors] = useState<ServerErrors | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  // Once the account exists, every step leads to its callback step: Back must not offer
  // the filled-in forms again, whose Next would try to create the account a second time.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const requested = searchParams.get('step');
  const accountId = createdId ?? searchParams.get('account');
  const draft = useDraft({ created: createdId !== null || (requested === 'callback' && accountId !== null) });
  const step = createdId
    ? 'callback'
    : resolveStep(isWizardStep(requested) ? requested : null, { isComplete: draft.isStepComplete, createdAccountId: accountId });

  const goTo = (target: WizardStep) => setSearchParams(stepSearch(target, null));
  const back = (from: WizardStep) => {
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
    navigate(paths.accounts);
  };
  const cancel = () => (draft.hasInput ? setConfirmingCancel(true) : leave());

  const submit = (input: AccountCreateInput) => {
    setServerErrors(null);
    create.mutate(input, {
      onSuccess: (account) => {
        setCreatedId(account.id);
        // The token has done its job: it stays neither in memory nor in the mutation cache.
        draft.setAuthToken('');
        create.reset();
        // Replace: the numbers step cannot be submitted twice, so history should not offer it.
        setSearchParams(stepSearch('callback', account.id), { replace: true });
      },
      onError: (error) => {
        const steps = stepsWithFieldErrors(error);
        if (steps.length === 0) return;
        setServerErrors({ error: error as ApiError, steps });
        if (steps[0] !== 'numbers') goTo(steps[0]!);
      },
    });
  };

  const done = (account: WhatsAppAccount) => {
    draft.discard();
    notify(t('accounts.created', { name: account.name }));
    navigate(`${paths.accounts}?highlight=${encodeURIComponent(account.id)}`);
  };

  if (step !== requested || (step === 'callback' && searchParams.get('account') !== accountId)) {
    return <Navigate replace to={{ search: stepSearch(step, accountId) }} />;
  }

  const stepProps = { onCancel: cancel, serverErrors, onServerErrorsShown, onBack: back(step) };
  const { draft: values } = draft;
  const unownedError = create.error && stepsWithFieldErrors(create.error).length === 0 ? create.error : null;

  return (
    <>
      <WizardShell
        title={t('wizard.title')}
        steps={wizardSteps.map((id) => ({ id, label: t(`wizard.steps.${id}`) }))}
        current={step}
        onStepSelect={step === 'callback' || create.isPending ? undefined : goTo}
      >
        {step === 'details' && (
          <DetailsStep
            {...stepProps}
            values={{ name: values.name, channel: values.channel }}
            onValuesChange={draft.update}
            onNext={() => goTo('account')}
          />
        )}
        {step === 'account' && (
          <AccountStep
            {...stepProps}
            values={{ accountSid: values.accountSid, authToken: draft.authToken }}
            onValuesChange={({ accountSid, authToken }) => {
              draft.update({ accountSid });
              draft.setAuthToken(authToken);
            }}
            onNext={() => goTo('numbers')}
            draftRestored={draft.restored}
          />
        )}
        {step === 'numbers' && (
          <NumbersStep
            {...stepProps}
            values={{ numbers: values.numbers }}
            onValuesChange={draft.update}
            onNext={({ numbers }) =>
              submit({ name: values.name, channel: values.channel, accountSid: values.accountSid, authToken: draft.authToken, numbers })
            }
            creating={create.isPending}
            createError={unownedError}
          />
        )}
        {step === 'callback' && accountId && <CallbackStep accountId={accountId} onDone={done} />}
      </WizardShell>
      <ConfirmDialog
        open={confirmingCancel}
        title={t('wizard.cancelTitle')}
        confirmLabel={t('common.discard')}
        cancelLabel={t('common.keepEditing')}
        onConfirm={leave}
        onCancel={() => setConfirmingCancel(false)}
      >
        {t('wizard.cancelBody')}
      </ConfirmDialog>
    </>
  );
}
