import type { WizardStepDefinition } from '@/components/wizard/wizard-steps';
import { accountStepSchema, detailsStepSchema, numbersStepSchema, type AccountWizardValues } from './step-schemas';

export type WizardStep = 'details' | 'account' | 'numbers' | 'callback';

/** The steps in order; the callback step shows the account that Next on the numbers step created. */
export const wizardSteps: readonly WizardStepDefinition<WizardStep, AccountWizardValues>[] = [
  { id: 'details', schema: detailsStepSchema, fields: ['name', 'channel'] },
  { id: 'account', schema: accountStepSchema, fields: ['accountSid', 'authToken'] },
  { id: 'numbers', schema: numbersStepSchema, fields: ['numbers'] },
  { id: 'callback', reachable: false },
];
