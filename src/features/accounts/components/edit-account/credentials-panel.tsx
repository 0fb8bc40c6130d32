import { Body1, Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { KeyResetRegular } from '@fluentui/react-icons';
import { useId, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { useSaveFailure } from '@/components/form/use-save-failure';
import { FormTextField } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { useNotify } from '@/components/toast';
import { useUpdateAccount } from '@/resources/accounts';
import { SharedSidWarning } from '@/features/accounts/components/shared-sid-warning';
import { EditForm } from './edit-form';
import { credentialsValues } from './form-values';
import type { AccountForms } from './use-account-forms';

const useStyles = makeStyles({
  token: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  tokenField: { alignSelf: 'stretch' },
});

export function CredentialsPanel({ forms }: { forms: AccountForms }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const tokenLabelId = useId();
  const replaceButton = useRef<HTMLButtonElement>(null);
  const { base, credentials: form, replacingToken, setReplacingToken } = forms;
  const update = useUpdateAccount(base.id);
  const failure = useSaveFailure(base.version);
  const accountSid = useWatch({ control: form.control, name: 'accountSid' });

  const save = form.handleSubmit(async ({ accountSid, authToken }) => {
    if (update.isPending) return;
    failure.clear();
    const sidChanged = accountSid !== base.accountSid;
    if (!sidChanged && authToken === undefined) {
      form.reset(credentialsValues(base));
      notify(t('editAccount.noChanges'), 'info');
      return;
    }
    try {
      const updated = await update.mutateAsync({
        version: base.version,
        ...(sidChanged ? { accountSid } : {}),
        ...(authToken === undefined ? {} : { authToken }),
      });
      // The request held the token; the mutation should not keep it for anyone to read.
      update.reset();
      forms.rebase(updated, 'credentials');
      notify(t('editAccount.saved'));
    } catch (error) {
      if (!placeServerErrors(error, form.setError, (path) => path === 'accountSid' || path === 'authToken')) failure.show(error);
    }
  });

  const reload = async () => {
    try {
      await forms.reload();
      failure.clear();
    } catch (error) {
      failure.show(error);
    }
  };

  const replaceToken = () => {
    flushSync(() => setReplacingToken(true));
    form.setFocus('authToken');
  };

  const keepToken = () => {
    flushSync(() => {
      form.resetField('authToken');
      setReplacingToken(false);
    });
    replaceButton.current?.focus();
  };

  return (
    <EditForm onSubmit={save} saving={update.isPending}>
      {failure.error != null && <ProblemAlert error={failure.error} onRetry={() => void save()} onReload={() => void reload()} />}
      <FormTextField control={form.control} name="accountSid" label={t('fields.accountSid')} hint={t('fields.accountSidHint')} code clean="identifier" />
      <SharedSidWarning accountSid={accountSid} exceptAccountId={base.id} />
      <div role="group" aria-labelledby={tokenLabelId} className={styles.token}>
        <Text id={tokenLabelId} weight="semibold">
          {t('fields.authToken')}
        </Text>
        <Body1>{t('editAccount.tokenStored', { hint: base.authTokenHint })}</Body1>
        {replacingToken ? (
          <>
            <div className={styles.tokenField}>
              <FormTextField
                control={form.control}
                name="authToken"
                label={t('editAccount.newToken')}
                hint={t('fields.authTokenHint')}
                code
                clean="identifier"
                secret={{ showLabel: t('fields.showToken'), hideLabel: t('fields.hideToken') }}
              />
            </div>
            <Button type="button" onClick={keepToken}>
              {t('editAccount.keepToken')}
            </Button>
          </>
        ) : (
          <Button type="button" ref={replaceButton} icon={<KeyResetRegular />} onClick={replaceToken}>
            {t('editAccount.replaceToken')}
          </Button>
        )}
      </div>
    </EditForm>
  );
}
