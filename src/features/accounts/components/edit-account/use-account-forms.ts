import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import { accountQueries } from '@/resources/accounts';
import { useResourceCache } from '@/resources/use-resource-cache';
import {
  credentialsResolver,
  credentialsValues,
  detailsFormSchema,
  detailsValues,
  type CredentialsContext,
  type CredentialsOutput,
  type CredentialsValues,
  type DetailsOutput,
  type DetailsValues,
} from './form-values';
import { rebaseForm } from './rebase-form';

export type EditFormName = 'details' | 'credentials';

/**
 * The two forms of the account (details tab, account tab), kept here so that they survive
 * tab switches and share one baseline: the account version both are based on. Saving one
 * moves the other onto the new version too, with what the user typed there kept.
 */
export function useAccountForms(account: WhatsAppAccount) {
  const cache = useResourceCache();
  const [base, setBase] = useState(account);
  const [replacingToken, setReplacingToken] = useState(false);

  const details = useForm<DetailsValues, unknown, DetailsOutput>({
    resolver: zodResolver(detailsFormSchema),
    mode: 'onTouched',
    defaultValues: detailsValues(account),
  });
  const credentials = useForm<CredentialsValues, CredentialsContext, CredentialsOutput>({
    resolver: credentialsResolver,
    context: { replacingToken },
    mode: 'onTouched',
    defaultValues: credentialsValues(account),
  });

  /** The forms now edit `next`; the form that was just saved shows it as it is. */
  const rebase = (next: WhatsAppAccount, saved?: EditFormName) => {
    rebaseForm(details, detailsValues(base), detailsValues(next), saved !== 'details');
    rebaseForm(credentials, credentialsValues(base), credentialsValues(next), saved !== 'credentials');
    // A token that was just saved is gone from the form; the field goes with it.
    if (saved === 'credentials') setReplacingToken(false);
    setBase(next);
  };

  /** After a version conflict: the account as it is now, with the user's edits kept on top. */
  const reload = async () => {
    const fresh = await cache.fetchFresh(accountQueries.detail(account.id));
    rebase(fresh);
  };

  return {
    base,
    details,
    credentials,
    replacingToken,
    setReplacingToken,
    rebase,
    reload,
    isDirty: details.formState.isDirty || credentials.formState.isDirty,
  };
}

export type AccountForms = ReturnType<typeof useAccountForms>;
