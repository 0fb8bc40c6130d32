import { z } from 'zod';
import { parseAccountSid } from '@/domain/account-sid';
import { parseAuthToken } from '@/domain/auth-token';
import { parseE164 } from '@/domain/e164';
import type { Result } from '@/domain/result';
import type { ValidationCode } from '@/domain/validation-messages';

/**
 * A string field checked and normalised by a domain parser. The issue message is the
 * validation code, so every consumer (forms, API, mock) can word it in its language.
 */
function parsedString<E extends ValidationCode>(parse: (raw: string) => Result<string, E>, required: E) {
  return z.string({ error: (issue) => (issue.input === undefined ? required : 'field.invalid') }).transform((raw, ctx) => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: result.error, input: raw });
    return z.NEVER;
  });
}

export const accountSidField = parsedString(parseAccountSid, 'accountSid.required');
export const authTokenField = parsedString(parseAuthToken, 'authToken.required');
export const e164Field = parsedString(parseE164, 'e164.required');

export function requiredText(max: number, codes: { required: ValidationCode; tooLong: ValidationCode }) {
  return z
    .string({ error: codes.required })
    .trim()
    .min(1, { error: codes.required })
    .max(max, { error: codes.tooLong });
}

export const idField = z.string().min(1);
export const versionField = z.number({ error: 'version.required' }).int().nonnegative();
export const timestampField = z.iso.datetime();

/** For strict input objects: an unexpected key is named as such, anything else is invalid. */
export const strictInputErrors = {
  error: (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? 'field.unknown' : 'field.invalid'),
};
