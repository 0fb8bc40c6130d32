import type { z } from 'zod';
import { accountCreateInputSchema } from '@/api/contract/whatsapp-account';

/** Each step validates exactly the fields the server will validate, with the same codes. */
export const detailsStepSchema = accountCreateInputSchema.pick({ name: true, channel: true });
export const accountStepSchema = accountCreateInputSchema.pick({ accountSid: true, authToken: true });
export const numbersStepSchema = accountCreateInputSchema.pick({ numbers: true });

/** Everything the wizard collects: the create request, as typed (the server normalises). */
export type AccountWizardValues = z.input<typeof accountCreateInputSchema>;
export type NumberRowValues = AccountWizardValues['numbers'][number];
