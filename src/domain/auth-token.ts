import { cleanPasted } from './pasted-text';
import { fail, ok, type Result } from './result';

export type AuthTokenError =
  | 'authToken.required'
  | 'authToken.sidPasted'
  | 'authToken.wrongLength'
  | 'authToken.notHex';

/** A Twilio auth token is 32 hex digits; Twilio prints them lowercase. */
export function parseAuthToken(raw: string): Result<string, AuthTokenError> {
  const value = cleanPasted(raw);
  if (value === '') return fail('authToken.required');
  if (/^AC[0-9a-f]{32}$/i.test(value)) return fail('authToken.sidPasted');
  if (/\s/.test(value) || !/^[0-9a-f]+$/i.test(value)) return fail('authToken.notHex');
  if (value.length !== 32) return fail('authToken.wrongLength');
  return ok(value.toLowerCase());
}

/** The only part of a token that is ever shown again. */
export function authTokenHint(token: string): string {
  return token.slice(-4);
}
