import { firstRefused, withoutWhitespace } from './pasted-text';
import { fail, ok, type Result } from './result';

export type AuthTokenError =
  | 'authToken.required'
  | 'authToken.sidPasted'
  | 'authToken.wrongLength'
  | 'authToken.notHex';

/**
 * A Twilio auth token is 32 hex digits; Twilio prints them lowercase. White space anywhere
 * is dropped: the console shows the token in groups, and a copy keeps the gaps.
 */
export function parseAuthToken(raw: string): Result<string, AuthTokenError> {
  const value = withoutWhitespace(raw);
  if (value === '') return fail('authToken.required');
  if (/^AC[0-9a-f]{32}$/i.test(value)) return fail('authToken.sidPasted');
  const refused = firstRefused(value, /[0-9a-f]/i);
  if (refused !== undefined) return fail('authToken.notHex', { character: refused });
  if (value.length !== 32) return fail('authToken.wrongLength');
  return ok(value.toLowerCase());
}

/** The only part of a token that is ever shown again. */
export function authTokenHint(token: string): string {
  return token.slice(-4);
}
