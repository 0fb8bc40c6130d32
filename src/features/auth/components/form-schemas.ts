import { z } from 'zod';
import { passwordChangeInputSchema, setupInputSchema } from '@/api/contract/session';

/** A check of the browser only (the API never sees the repeated password), worded by the form. */
export const PASSWORDS_DIFFER = 'auth.passwordsDiffer';

const repeatPassword = z.string();
/** Checked even while other fields have problems, so that every problem shows at once. */
const evenWithOtherIssues = { when: () => true };

export const setupFormSchema = setupInputSchema
  .omit({ token: true })
  .extend({ repeatPassword })
  .refine((values) => values.password === values.repeatPassword, { path: ['repeatPassword'], error: PASSWORDS_DIFFER, ...evenWithOtherIssues });

export const changePasswordFormSchema = passwordChangeInputSchema
  .extend({ repeatPassword })
  .refine((values) => values.newPassword === values.repeatPassword, { path: ['repeatPassword'], error: PASSWORDS_DIFFER, ...evenWithOtherIssues });
