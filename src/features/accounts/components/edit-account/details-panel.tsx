import { useTranslation } from 'react-i18next';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { useSaveFailure } from '@/components/form/use-save-failure';
import { FormTextField } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { ReadOnlyFacts } from '@/components/read-only-facts';
import { useNotify } from '@/components/toast';
import { useUpdateAccount } from '@/resources/accounts';
import { EditForm } from './edit-form';
import { detailsValues } from './form-values';
import type { AccountForms } from './use-account-forms';

export function DetailsPanel({ forms }: { forms: AccountForms }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { base, details: form } = forms;
  const update = useUpdateAccount(base.id);
  const failure = useSaveFailure(base.version);

  const save = form.handleSubmit(async ({ name }) => {
    if (update.isPending) return;
    failure.clear();
    if (name === base.name) {
      form.reset(detailsValues(base));
      notify(t('editAccount.noChanges'), 'info');
      return;
    }
    try {
      const updated = await update.mutateAsync({ version: base.version, name });
      forms.rebase(updated, 'details');
      notify(t('editAccount.saved'));
    } catch (error) {
      if (!placeServerErrors(error, form.setError, (path) => path === 'name')) failure.show(error);
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

  return (
    <EditForm onSubmit={save} saving={update.isPending}>
      {failure.error != null && <ProblemAlert error={failure.error} onRetry={() => void save()} onReload={() => void reload()} />}
      <FormTextField control={form.control} name="name" label={t('fields.name')} hint={t('fields.nameHint')} />
      <ReadOnlyFacts facts={[{ label: t('fields.channel'), value: t('accounts.channelWhatsApp') }]} />
    </EditForm>
  );
}
