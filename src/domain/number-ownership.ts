import { TWILIO_SANDBOX_NUMBER } from './e164';

export interface HeldNumber {
  accountId: string;
  number: string;
}

/**
 * Whether `held` stops `accountId` from having `number`. A number belongs to one account,
 * but Twilio's sandbox sender serves every Twilio account: each account may hold it once.
 * Webhooks name the account in their URL, so two accounts' sandbox records never meet there.
 */
export function clashesWith(held: HeldNumber, accountId: string, number: string): boolean {
  if (held.number !== number) return false;
  return number !== TWILIO_SANDBOX_NUMBER || held.accountId === accountId;
}

/** The held number that stops `accountId` from having `number`, if any. */
export function numberClash<T extends HeldNumber>(held: readonly T[], accountId: string, number: string): T | undefined {
  return held.find((h) => clashesWith(h, accountId, number));
}
