import { z } from 'zod';
import { parseAccountSid } from '@/domain/account-sid';
import { parseAuthToken } from '@/domain/auth-token';
import { parseE164 } from '@/domain/e164';
import type { Result } from '@/domain/result';
import type { ValidationCode } from '@/domain/validation-messages';
import { withParams } from '@/domain/validation-params';

/**
 * A string field checked and normalised by a domain parser. The issue message is the
 * validation code, so every consumer (forms, API, mock) can word it in its language.
 */
function parsedString<E extends ValidationCode>(parse: (raw: string) => Result<string, E>, required: E) {
  return z.string({ error: (issue) => (issue.input === undefined ? required : 'field.invalid') }).transform((raw, ctx) => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: 'custom', message: withParams(result.error, result.params), input: raw });
    return z.NEVER;
  });
}

export const accountSidField = parsedString(parseAccountSid, 'accountSid.required');
export const authTokenField = parsedString(parseAuthToken, 'authToken.required');
export const e164Field = parsedString(parseE164, 'e164.required');

/**
 * C0 and C1 control characters (NUL, BEL, escape…): PostgreSQL cannot store NUL, and the
 * rest show as nothing, so a name with one looks like another name. Half an emoji (a lone
 * surrogate) is no character at all: it would be stored as U+FFFD, not as sent.
 */
const CONTROL_CHARACTER = /[\p{Cc}\p{Cs}]/u;

export const hasNoControlCharacter = (text: string) => !CONTROL_CHARACTER.test(text);

/** For texts of several lines: tabs and line breaks belong there, the other control characters do not. */
export const hasNoControlCharacterButLineBreaks = (text: string) => !CONTROL_CHARACTER.test(text.replace(/[\t\n\r]/g, ''));

/** An address with a local part, a domain and a dot in it; no white space and no control characters. */
export const EMAIL_PATTERN = /^[^\s@\p{Cc}\p{Cs}]+@[^\s@\p{Cc}\p{Cs}]+\.[^\s@\p{Cc}\p{Cs}]+$/u;

export function requiredText(max: number, codes: { required: ValidationCode; tooLong: ValidationCode }) {
  return z
    .string({ error: codes.required })
    .trim()
    .min(1, { error: codes.required })
    .max(max, { error: codes.tooLong })
    .refine(hasNoControlCharacter, { error: 'text.controlCharacter' });
}

export const idField = z.string().min(1);
export const versionField = z.number({ error: 'version.required' }).int().nonnegative();
export const timestampField = z.iso.datetime();

/** For strict input objects: an unexpected key is named as such, anything else is invalid. */
export const strictInputErrors = {
  error: (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? 'field.unknown' : 'field.invalid'),
};
