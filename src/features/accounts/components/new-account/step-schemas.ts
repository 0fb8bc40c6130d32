import type { z } from 'zod';
import { accountCreateInputSchema } from '@/api/contract/whatsapp-account';
import type { FormStep } from './wizard-steps';

/** Each step validates exactly the fields the server will validate, with the same codes. */
export const detailsStepSchema = accountCreateInputSchema.pick({ name: true, channel: true });
export const accountStepSchema = accountCreateInputSchema.pick({ accountSid: true, authToken: true });
export const numbersStepSchema = accountCreateInputSchema.pick({ numbers: true });

export type DetailsValues = z.input<typeof detailsStepSchema>;
export type AccountValues = z.input<typeof accountStepSchema>;
export type NumbersValues = z.input<typeof numbersStepSchema>;
export type NumberRowValues = NumbersValues['numbers'][number];

/** Which step owns a field of the create request, by its dotted path ("numbers.1.number"). */
export function stepOfField(path: string): FormStep | null {
  const [head] = path.split('.');
  switch (head) {
    case 'name':
    case 'channel':
      return 'details';
    case 'accountSid':
    case 'authToken':
      return 'account';
    case 'numbers':
      return 'numbers';
    default:
      return null;
  }
}
