import { z } from 'zod';
import {
  accountSidField,
  authTokenField,
  idField,
  requiredText,
  strictInputErrors,
  timestampField,
  versionField,
} from './fields';
import { parseE164 } from '@/domain/e164';
import { despiteOtherIssuesInArray, looseProperty } from './despite-other-issues';
import { numberCreateInputSchema, whatsAppNumberSchema } from './whatsapp-number';

export const MAX_NUMBERS_PER_ACCOUNT = 50;

export const channelField = z.literal('whatsapp', { error: 'channel.unsupported' });
export const accountNameField = requiredText(100, { required: 'name.required', tooLong: 'name.tooLong' });

export const whatsAppAccountSchema = z.object({
  id: idField,
  name: z.string(),
  channel: z.literal('whatsapp'),
  accountSid: z.string(),
  /** Last four characters of the auth token: the token itself never leaves the server. */
  authTokenHint: z.string().max(4),
  numbers: z.array(whatsAppNumberSchema),
  /** Message templates of the account; they are deleted with it. */
  templateCount: z.number().int().nonnegative(),
  inboundUrl: z.url(),
  statusCallbackUrl: z.url(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: versionField,
});

export const accountListSchema = z.object({ items: z.array(whatsAppAccountSchema) });

/** Numbers of one request must differ from each other; reported on the later duplicate. */
const numbersField = z
  .array(numberCreateInputSchema, { error: 'numbers.required' })
  .min(1, { error: 'numbers.required' })
  .max(MAX_NUMBERS_PER_ACCOUNT, { error: 'numbers.tooMany' })
  .superRefine((numbers: unknown[], ctx) => {
    const seen = new Set<string>();
    numbers.forEach((entry, index) => {
      // Compared as normalised, and only the numbers that are valid: the others have their own error.
      const raw = looseProperty(entry, 'number');
      const parsed = typeof raw === 'string' ? parseE164(raw) : null;
      if (!parsed?.ok) return;
      if (seen.has(parsed.value)) ctx.addIssue({ code: 'custom', message: 'number.duplicate', path: [index, 'number'], input: raw });
      seen.add(parsed.value);
    });
  }, despiteOtherIssuesInArray);

export const accountCreateInputSchema = z.strictObject(
  {
    name: accountNameField,
    channel: channelField,
    accountSid: accountSidField,
    authToken: authTokenField,
    numbers: numbersField,
  },
  strictInputErrors,
);

export const accountUpdateInputSchema = z.strictObject(
  {
    version: versionField,
    name: accountNameField.optional(),
    accountSid: accountSidField.optional(),
    authToken: authTokenField.optional(),
  },
  strictInputErrors,
);

export type WhatsAppAccount = z.infer<typeof whatsAppAccountSchema>;
export type AccountList = z.infer<typeof accountListSchema>;
export type AccountCreateInput = z.input<typeof accountCreateInputSchema>;
export type AccountCreate = z.output<typeof accountCreateInputSchema>;
export type AccountUpdateInput = z.input<typeof accountUpdateInputSchema>;
export type AccountUpdate = z.output<typeof accountUpdateInputSchema>;
