import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { problemTypes } from '@/api/contract/problem';
import { numberCreateInputSchema, type WhatsAppNumber } from '@/api/contract/whatsapp-number';
import { ApiError } from '@/api/problem';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { FormDialog, FormDialogForm } from '@/components/form/form-dialog';
import { FormTextField } from '@/components/form/form-text-field';
import { ProblemAlert } from '@/components/problem-alert';
import { isTwilioSandboxNumber, TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { useCreateNumber, useUpdateNumber } from '@/resources/account-numbers';
import { accountQueries } from '@/resources/accounts';
import { useResourceCache } from '@/resources/use-resource-cache';
import { SandboxOffer } from '@/features/accounts/components/sandbox-offer';
import { rebaseForm } from './rebase-form';
import { RenumberConfirmDialog, renumberNeedsConfirmation } from './renumber-confirm-dialog';

const formValues = (number: WhatsAppNumber | undefined) => ({ name: number?.name ?? '', number: number?.number ?? '' });
type NumberFormValues = ReturnType<typeof formValues>;

export interface NumberDialogProps {
  open: boolean;
  /** A new value per opening: the form inside starts afresh from `number`. */
  formKey: number;
  account: WhatsAppAccount;
  /** The number to edit; absent to add one. */
  number: WhatsAppNumber | undefined;
  /** `saved` is false when the dialog closes without a change. */
  onClose: (saved: boolean) => void;
}

/** Adds a number to the account, or edits one; a failed save keeps the dialog open with what was typed. */
export function NumberDialog({ open, formKey, account, number, onClose }: NumberDialogProps) {
  const create = useCreateNumber(account.id);
  const update = useUpdateNumber(account.id);
  const saving = create.isPending || update.isPending;
  return (
    <FormDialog open={open} busy={saving} onDismiss={() => onClose(false)}>
      <NumberForm key={formKey} account={account} number={number} onClose={onClose} create={create} update={update} />
    </FormDialog>
  );
}

interface NumberFormProps extends Omit<NumberDialogProps, 'open' | 'formKey'> {
  create: ReturnType<typeof useCreateNumber>;
  update: ReturnType<typeof useUpdateNumber>;
}

/** Mounted afresh each time the dialog opens, so it starts from the number as it was then. */
function NumberForm({ account, number: opened, onClose, create, update }: NumberFormProps) {
  const { t } = useTranslation();
  const cache = useResourceCache();
  const [failure, setFailure] = useState<unknown>(null);
  // The version of the number this form edits; a reload after a conflict moves it on.
  const [number, setNumber] = useState(opened);
  // A renumber waiting for the admin to confirm what it affects.
  const [pendingRenumber, setPendingRenumber] = useState<NumberFormValues | null>(null);
  const form = useForm({
    resolver: zodResolver(numberCreateInputSchema),
    mode: 'onTouched',
    defaultValues: formValues(number),
  });
  const typedNumber = useWatch({ control: form.control, name: 'number' });
  const saving = create.isPending || update.isPending;

  const write = async (values: NumberFormValues) => {
    if (saving) return;
    setFailure(null);
    try {
      if (number) {
        const changes = {
          ...(values.name === number.name ? {} : { name: values.name }),
          ...(values.number === number.number ? {} : { number: values.number }),
        };
        if (Object.keys(changes).length === 0) {
          onClose(false);
          return;
        }
        await update.mutateAsync({ numberId: number.id, input: { version: number.version, ...changes } });
      } else {
        await create.mutateAsync(values);
      }
      setPendingRenumber(null);
      onClose(true);
    } catch (error) {
      // The problem shows in the form, where what was typed can be corrected.
      setPendingRenumber(null);
      if (!placeServerErrors(error, form.setError, (path) => path === 'name' || path === 'number')) setFailure(error);
    }
  };

  // The API renumbers when asked (and audits it); asking first is this dialog's part. A rename needs no question.
  const save = form.handleSubmit(async (values) => {
    if (saving) return;
    if (number && values.number !== number.number && renumberNeedsConfirmation(number)) {
      setPendingRenumber(values);
      return;
    }
    await write(values);
  });

  // After a version conflict: the number as it is now, with what was typed here kept on top.
  const reload = async () => {
    if (!number) return;
    try {
      const fresh = await cache.fetchFresh(accountQueries.detail(account.id));
      const current = fresh.numbers.find((n) => n.id === number.id);
      if (!current) {
        setFailure(new ApiError({ type: problemTypes.notFound, title: 'Not found', status: 404 }));
        return;
      }
      rebaseForm(form, formValues(number), formValues(current));
      setNumber(current);
      setFailure(null);
    } catch (error) {
      setFailure(error);
    }
  };

  const fillSandbox = () => {
    const options = { shouldDirty: true, shouldTouch: true, shouldValidate: true } as const;
    if (form.getValues('name').trim() === '') form.setValue('name', t('numbers.sandboxName'), options);
    form.setValue('number', TWILIO_SANDBOX_NUMBER, options);
  };
  const sandboxInUse = isTwilioSandboxNumber(typedNumber) || account.numbers.some((n) => n.id !== number?.id && isTwilioSandboxNumber(n.number));

  return (
    <FormDialogForm
      title={number ? t('numbers.editTitle') : t('numbers.addTitle')}
      onSubmit={save}
      busy={saving}
      submitLabel={t('common.save')}
      busyLabel={t('common.saving')}
      onCancel={() => onClose(false)}
    >
      {failure != null && <ProblemAlert error={failure} onRetry={() => void save()} onReload={() => void reload()} />}
      {!number && <SandboxOffer added={sandboxInUse} onUse={fillSandbox} />}
      <FormTextField control={form.control} name="name" label={t('fields.numberName')} />
      <FormTextField control={form.control} name="number" label={t('fields.number')} hint={t('fields.numberHint')} code inputMode="tel" clean="phone" />
      {number && (
        <RenumberConfirmDialog
          open={pendingRenumber !== null}
          number={number}
          to={pendingRenumber?.number ?? ''}
          busy={saving}
          onConfirm={() => pendingRenumber && void write(pendingRenumber)}
          onCancel={() => setPendingRenumber(null)}
        />
      )}
    </FormDialogForm>
  );
}
