import { firstRefused, withoutWhitespace } from './pasted-text';
import { fail, ok, type Result } from './result';

export type AccountSidError =
  | 'accountSid.required'
  | 'accountSid.tokenPasted'
  | 'accountSid.wrongPrefix'
  | 'accountSid.wrongLength'
  | 'accountSid.notHex';

const HEX_32 = /^[0-9a-f]{32}$/i;

/**
 * Accepts an Account SID as people paste it from the Twilio console (white space anywhere
 * is dropped: a SID has none) and returns it in
 * Twilio's canonical form: "AC" followed by 32 lowercase hex digits.
 */
export function parseAccountSid(raw: string): Result<string, AccountSidError> {
  const value = withoutWhitespace(raw);
  if (value === '') return fail('accountSid.required');
  if (HEX_32.test(value)) return fail('accountSid.tokenPasted');
  if (!/^AC/i.test(value)) return fail('accountSid.wrongPrefix');
  const hex = value.slice(2);
  const refused = firstRefused(hex, /[0-9a-f]/i);
  if (refused !== undefined) return fail('accountSid.notHex', { character: refused });
  if (hex.length !== 32) return fail('accountSid.wrongLength');
  return ok(`AC${hex.toLowerCase()}`);
}
