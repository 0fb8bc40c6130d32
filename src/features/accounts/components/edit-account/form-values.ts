import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import { accountUpdateInputSchema, type WhatsAppAccount } from '@/api/contract/whatsapp-account';

/** Each form validates exactly what the server will, with the same codes. */
export const detailsFormSchema = accountUpdateInputSchema.pick({ name: true }).required();

const { accountSid, authToken } = accountUpdateInputSchema.shape;
// Plain objects, not strict: the form always holds the token field, even when it is not sent.
const credentialsWithTokenSchema = z.object({ accountSid: accountSid.unwrap(), authToken: authToken.unwrap() });
// Keeping the stored token: whatever the hidden field holds is neither checked nor sent.
const keepTokenSchema = credentialsWithTokenSchema.extend({ authToken: z.string().transform(() => undefined) });

export type DetailsValues = z.input<typeof detailsFormSchema>;
export type DetailsOutput = z.output<typeof detailsFormSchema>;
export type CredentialsValues = z.input<typeof credentialsWithTokenSchema>;
export type CredentialsOutput = { accountSid: string; authToken?: string };
export interface CredentialsContext {
  /** The stored token is kept unless the user chose to replace it. */
  replacingToken: boolean;
}

export const detailsValues = (account: WhatsAppAccount): DetailsValues => ({ name: account.name });

/** The token field always starts empty: the stored token never reaches the browser. */
export const credentialsValues = (account: WhatsAppAccount): CredentialsValues => ({
  accountSid: account.accountSid,
  authToken: '',
});

const withToken = zodResolver(credentialsWithTokenSchema);
const keepToken = zodResolver(keepTokenSchema);

export const credentialsResolver: Resolver<CredentialsValues, CredentialsContext, CredentialsOutput> = (values, context, options) =>
  context?.replacingToken ? withToken(values, context, options) : keepToken(values, context, options);
