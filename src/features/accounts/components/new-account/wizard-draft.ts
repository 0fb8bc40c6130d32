import { z } from 'zod';
import { draftOrigin, pageLoadMark, type DraftOrigin } from '@/components/wizard/draft-origin';
import type { AccountWizardValues, NumberRowValues } from './step-schemas';

/** What is kept across reloads: everything typed except the auth token, a secret that never goes to storage. */
export type WizardDraft = Omit<AccountWizardValues, 'authToken'>;

export const emptyNumberRow = (): NumberRowValues => ({ name: '', number: '' });

export function emptyValues(): AccountWizardValues {
  return { name: '', channel: 'whatsapp', accountSid: '', authToken: '', numbers: [emptyNumberRow()] };
}

const blank = (value: string) => value.trim() === '';

/** Whether leaving would lose anything the user typed. */
export function hasInput(values: WizardDraft & { authToken?: string }): boolean {
  return (
    !blank(values.name) ||
    !blank(values.accountSid) ||
    !blank(values.authToken ?? '') ||
    values.numbers.some((row) => !blank(row.name) || !blank(row.number))
  );
}

const STORAGE_KEY = 'whatsapp-admin-new-account-draft';

// Whatever is in storage was written by an older build or by hand: trust only its shape.
const storedDraftSchema = z.object({
  name: z.string().catch(''),
  channel: z.literal('whatsapp').catch('whatsapp'),
  accountSid: z.string().catch(''),
  numbers: z.array(z.object({ name: z.string().catch(''), number: z.string().catch('') })).catch([]),
  pageLoad: z.number().nullable().catch(null),
});

export interface RestoredDraft {
  values: WizardDraft;
  origin: DraftOrigin;
}

export function loadDraft(): RestoredDraft | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = storedDraftSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return null;
    const { pageLoad, ...values } = parsed.data;
    return { values, origin: draftOrigin(pageLoad) };
  } catch {
    return null;
  }
}

/** Derived from the wizard's values; the auth token is deliberately left out. */
export function saveDraft(values: WizardDraft & { authToken?: string }): void {
  try {
    const { name, channel, accountSid, numbers } = values;
    const draft: WizardDraft = { name, channel, accountSid, numbers };
    if (hasInput(draft)) {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ ...draft, ...pageLoadMark() }));
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
