import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sandboxJoinCodeInputSchema, type SandboxStatus } from '@/api/contract/account-tools';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { FormTextField } from '@/components/form/form-text-field';
import { CopyField } from '@/components/copy-field';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useSaveJoinCode } from '@/resources/sandbox';
import { ChecklistStep } from './checklist-step';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  field: { flexGrow: 1, minWidth: '16rem', maxWidth: '28rem' },
  // Lines the button up with the input, below the label.
  button: { marginTop: '26px' },
});

interface JoinCodeValues {
  joinCode: string;
}

/** Step 1: the "join <code>" message customers send; the administrator types the code from the Twilio console. */
export function JoinCodeStep({ accountId, status }: { accountId: string; status: SandboxStatus }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const save = useSaveJoinCode(accountId);
  const form = useForm<JoinCodeValues, unknown, { joinCode: string }>({
    resolver: zodResolver(sandboxJoinCodeInputSchema),
    defaultValues: { joinCode: status.joinCode ?? '' },
  });

  const submit = form.handleSubmit(async ({ joinCode }) => {
    if (save.isPending) return;
    save.reset();
    try {
      const saved = await save.mutateAsync(joinCode);
      form.reset({ joinCode: saved.joinCode ?? '' });
      notify(t('sandbox.join.saved'));
    } catch (error) {
      applyServerErrors(error, form.setError, (path) => path === 'joinCode');
    }
  });

  const fieldErrorsPlaced = save.error != null && form.formState.errors.joinCode?.type === 'server';
  return (
    <ChecklistStep number={1} title={t('sandbox.join.title')} done={status.joinCode !== null}>
      <Body1 as="p">{t('sandbox.join.body', { number: status.sandboxNumber })}</Body1>
      {status.joinCode ? (
        <CopyField label={t('sandbox.join.message')} value={`join ${status.joinCode}`} copyLabel={t('sandbox.join.copy')} />
      ) : (
        <Body1>{t('sandbox.join.missing')}</Body1>
      )}
      {save.error != null && !fieldErrorsPlaced && <ProblemAlert error={save.error} onRetry={() => void submit()} />}
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <div className={styles.field}>
          <FormTextField control={form.control} name="joinCode" label={t('sandbox.join.codeLabel')} hint={t('sandbox.join.codeHint')} code />
        </div>
        <Button className={styles.button} type="submit" appearance="primary" disabledFocusable={save.isPending}>
          {save.isPending ? t('common.saving') : t('sandbox.join.save')}
        </Button>
      </form>
    </ChecklistStep>
  );
}
