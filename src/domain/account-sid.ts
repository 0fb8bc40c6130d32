import { cleanPasted } from './pasted-text';
import { fail, ok, type Result } from './result';

export type AccountSidError =
  | 'accountSid.required'
  | 'accountSid.tokenPasted'
  | 'accountSid.wrongPrefix'
  | 'accountSid.wrongLength'
  | 'accountSid.notHex';

const HEX_32 = /^[0-9a-f]{32}$/i;

/**
 * Accepts an Account SID as people paste it from the Twilio console and returns it in
 * Twilio's canonical form: "AC" followed by 32 lowercase hex digits.
 */
export function parseAccountSid(raw: string): Result<string, AccountSidError> {
  const value = cleanPasted(raw);
  if (value === '') return fail('accountSid.required');
  if (HEX_32.test(value)) return fail('accountSid.tokenPasted');
  if (!/^AC/i.test(value)) return fail('accountSid.wrongPrefix');
  const hex = value.slice(2);
  if (/\s/.test(hex) || !/^[0-9a-f]*$/i.test(hex)) return fail('accountSid.notHex');
  if (hex.length !== 32) return fail('accountSid.wrongLength');
  return ok(`AC${hex.toLowerCase()}`);
}
