import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { WizardFooter, WizardForm } from '@/components/wizard-shell';
import { FormTextField, requiredLabel } from '@/components/form/form-text-field';
import { isSameAccountName } from '@/domain/account-name';
import { accountQueries } from '@/resources/accounts';
import { useResourceCache } from '@/resources/use-resource-cache';
import type { WizardStepProps } from '@/components/wizard/wizard';
import type { AccountWizardValues } from './step-schemas';

export function DetailsStep({ form, onNext, onBack, onCancel }: WizardStepProps<AccountWizardValues>) {
  const { t } = useTranslation();
  const cache = useResourceCache();

  const next = form.handleSubmit(async (details) => {
    // Said here rather than after the numbers step, even when Next comes before the list has loaded;
    // if the list cannot be read, the server still decides when the account is created.
    const existing = await cache
      .ensure(accountQueries.list())
      .then((list) => list.items)
      .catch(() => []);
    if (existing.some((account) => isSameAccountName(account.name, details.name))) {
      form.setError('name', { type: 'taken', message: 'name.taken' }, { shouldFocus: true });
      return;
    }
    onNext();
  });

  return (
    <WizardForm onSubmit={next} footer={<WizardFooter onBack={onBack} onCancel={onCancel} />}>
      <FormTextField control={form.control} name="name" label={t('fields.name')} hint={t('fields.nameHint')} />
      <Controller
        control={form.control}
        name="channel"
        render={({ field }) => (
          <Field label={requiredLabel(t('fields.channel'))}>
            <RadioGroup ref={field.ref} name={field.name} value={field.value} onChange={(_, data) => field.onChange(data.value)}>
              <Radio value="whatsapp" label={t('accounts.channelWhatsApp')} />
            </RadioGroup>
          </Field>
        )}
      />
    </WizardForm>
  );
}
