import { cleanPasted, firstRefused } from './pasted-text';
import { fail, ok, type Result } from './result';

export type E164Error =
  | 'e164.required'
  | 'e164.missingPlus'
  | 'e164.leadingZero'
  | 'e164.invalidCharacters'
  | 'e164.tooShort'
  | 'e164.tooLong';

const MAX_DIGITS = 15;

/**
 * Accepts a phone number as people paste it (a "whatsapp:" prefix, spaces, dashes,
 * dots, brackets) and returns it in E.164: "+" then 1 to 15 digits, no leading zero.
 */
export function parseE164(raw: string): Result<string, E164Error> {
  const value = cleanPasted(raw).replace(/^whatsapp:\s*/i, '');
  if (value === '') return fail('e164.required');
  // "+44 (0)20 …": the bracketed zero is dialled only inside the country, never after the code.
  const withoutTrunkZero = value.replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  const compact = withoutTrunkZero.replace(/[\s\p{Cf}\-.()]/gu, '');
  // Only separators ("-", "()"): nothing was written that could be named.
  if (compact === '') return fail('e164.required');
  if (/^00[1-9]/.test(compact) || /^[0-9]/.test(compact)) return fail('e164.missingPlus');
  if (!compact.startsWith('+')) return fail('e164.invalidCharacters', { character: [...compact][0] ?? '' });
  const digits = compact.slice(1);
  if (digits === '') return fail('e164.tooShort');
  const refused = firstRefused(digits, /[0-9]/);
  if (refused !== undefined) return fail('e164.invalidCharacters', { character: refused });
  if (digits.startsWith('0')) return fail('e164.leadingZero');
  if (digits.length > MAX_DIGITS) return fail('e164.tooLong');
  return ok(`+${digits}`);
}

/** Twilio's shared WhatsApp sandbox sender. */
export const TWILIO_SANDBOX_NUMBER = '+14155238886';

/** Whether a number, however it was written, is the sandbox sender. */
export function isTwilioSandboxNumber(raw: string): boolean {
  const parsed = parseE164(raw);
  return parsed.ok && parsed.value === TWILIO_SANDBOX_NUMBER;
}
