import { z } from 'zod';
import { accountStepSchema, detailsStepSchema, numbersStepSchema, type NumberRowValues } from './step-schemas';
import type { FormStep } from './wizard-steps';

/** Everything typed in the wizard except the auth token, as typed (the server normalises). */
export interface WizardDraft {
  name: string;
  channel: 'whatsapp';
  accountSid: string;
  numbers: NumberRowValues[];
}

export const emptyNumberRow = (): NumberRowValues => ({ name: '', number: '' });

export function emptyDraft(): WizardDraft {
  return { name: '', channel: 'whatsapp', accountSid: '', numbers: [emptyNumberRow()] };
}

const blank = (value: string) => value.trim() === '';

/** Whether leaving would lose anything the user typed. */
export function hasInput(draft: WizardDraft, authToken: string): boolean {
  return (
    !blank(draft.name) ||
    !blank(draft.accountSid) ||
    !blank(authToken) ||
    draft.numbers.some((row) => !blank(row.name) || !blank(row.number))
  );
}

export function isStepComplete(step: FormStep, draft: WizardDraft, authToken: string): boolean {
  switch (step) {
    case 'details':
      return detailsStepSchema.safeParse({ name: draft.name, channel: draft.channel }).success;
    case 'account':
      return accountStepSchema.safeParse({ accountSid: draft.accountSid, authToken }).success;
    case 'numbers':
      return numbersStepSchema.safeParse({ numbers: draft.numbers }).success;
  }
}

const STORAGE_KEY = 'whatsapp-admin-new-account-draft';

// Whatever is in storage was written by an older build or by hand: trust only its shape.
const storedDraftSchema = z.object({
  name: z.string().catch(''),
  channel: z.literal('whatsapp').catch('whatsapp'),
  accountSid: z.string().catch(''),
  numbers: z.array(z.object({ name: z.string().catch(''), number: z.string().catch('') })).catch([]),
});

export function loadDraft(): WizardDraft | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The auth token is deliberately not part of the draft: a secret never goes to storage. */
export function saveDraft(draft: WizardDraft): void {
  try {
    if (hasInput(draft, '')) {
      const { name, channel, accountSid, numbers } = draft;
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ name, channel, accountSid, numbers }));
    } else {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // Storage disabled or full: the wizard works, it just forgets on reload.
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
