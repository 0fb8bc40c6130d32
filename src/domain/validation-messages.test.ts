import { describe, expect, test } from 'vitest';
import { parseAccountSid } from './account-sid';
import { parseAuthToken } from './auth-token';
import { parseE164 } from './e164';
import { isValidationCode, validationMessages } from './validation-messages';

/** Inputs that, between them, make every parser produce each of its error codes. */
const samples = {
  accountSid: ['', '9f8e7d6c9f8e7d6c9f8e7d6c9f8e7d6c', 'SK0123', 'AC0123', 'ACxyz'],
  authToken: ['', 'AC0123456789abcdef0123456789abcdef', '0123', 'xyz'],
  e164: ['', '0401234567', '+0401234567', '+abc', '+', '+1234567890123456'],
};

function errorsOf(parse: (raw: string) => { ok: boolean; error?: string }, inputs: string[]) {
  return inputs.map((raw) => {
    const result = parse(raw);
    if (result.ok || !result.error) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
    return result.error;
  });
}

describe('validation messages', () => {
  test('every code has English wording', () => {
    for (const [code, message] of Object.entries(validationMessages)) {
      expect(message.trim(), code).not.toBe('');
    }
  });

  test('every error code the parsers produce is a known validation code with a message', () => {
    const produced = [
      ...errorsOf(parseAccountSid, samples.accountSid),
      ...errorsOf(parseAuthToken, samples.authToken),
      ...errorsOf(parseE164, samples.e164),
    ];
    expect(new Set(produced).size).toBe(5 + 4 + 6);
    for (const code of produced) {
      expect(isValidationCode(code), code).toBe(true);
      expect(validationMessages[code as keyof typeof validationMessages]).toBeTruthy();
    }
  });

  test('codes follow the "subject.problem" form', () => {
    for (const code of Object.keys(validationMessages)) {
      expect(code).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
    }
  });

  test('no two codes share the same wording', () => {
    const messages = Object.values(validationMessages);
    const repeated = messages.filter((message, index) => messages.indexOf(message) !== index);
    expect(repeated).toEqual([]);
  });

  describe('isValidationCode', () => {
    test('recognises known codes', () => {
      expect(isValidationCode('accountSid.tokenPasted')).toBe(true);
      expect(isValidationCode('authToken.sidPasted')).toBe(true);
      expect(isValidationCode('e164.missingPlus')).toBe(true);
      expect(isValidationCode('field.unknown')).toBe(true);
    });

    test('rejects unknown codes, zod wording and inherited object keys', () => {
      expect(isValidationCode('accountSid.bogus')).toBe(false);
      expect(isValidationCode('Invalid input: expected string, received undefined')).toBe(false);
      expect(isValidationCode('')).toBe(false);
      expect(isValidationCode('toString')).toBe(false);
      expect(isValidationCode('constructor')).toBe(false);
      expect(isValidationCode('__proto__')).toBe(false);
    });
  });
});
