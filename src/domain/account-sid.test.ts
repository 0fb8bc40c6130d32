import { describe, expect, test } from 'vitest';
import { parseAccountSid } from './account-sid';

const HEX = '0123456789abcdef0123456789abcdef';
const SID = `AC${HEX}`;

const errorOf = (raw: string) => {
  const result = parseAccountSid(raw);
  return result.ok ? `ok:${result.value}` : result.error;
};

describe('parseAccountSid', () => {
  describe('accepts what people paste from the Twilio console', () => {
    test('a SID as Twilio shows it', () => {
      expect(parseAccountSid(SID)).toEqual({ ok: true, value: SID });
    });

    test.each([
      ['surrounding spaces', `  ${SID}  `],
      ['a trailing line break', `${SID}\n`],
      ['a Windows line break', `${SID}\r\n`],
      ['tabs', `\t${SID}\t`],
      ['no-break spaces around it', `\u00A0${SID}\u00A0`],
      ['a zero-width space inside', `AC0123456789\u200Babcdef0123456789abcdef`],
      ['a byte order mark in front', `\uFEFF${SID}`],
      ['a space inside', `AC0123456789abcdef 0123456789abcdef`],
      ['a no-break space inside', `AC0123456789abcdef\u00A00123456789abcdef`],
      ['a line break inside (a wrapped line)', `AC0123456789abcdef\n0123456789abcdef`],
      ['a space after AC', `AC ${HEX}`],
      ['groups of four', `AC ${HEX.match(/.{4}/g)!.join(' ')}`],
      ['a word joiner inside', `AC0123456789\u2060abcdef0123456789abcdef`],
    ])('with %s', (_label, raw) => {
      expect(parseAccountSid(raw)).toEqual({ ok: true, value: SID });
    });

    test('normalises to "AC" and lowercase hex whatever the case', () => {
      expect(parseAccountSid(`AC${HEX.toUpperCase()}`)).toEqual({ ok: true, value: SID });
      expect(parseAccountSid(`ac${HEX}`)).toEqual({ ok: true, value: SID });
      expect(parseAccountSid(`aC${HEX.toUpperCase()}`)).toEqual({ ok: true, value: SID });
    });
  });

  describe('rejects with a code that says what is wrong', () => {
    test.each([
      ['empty', ''],
      ['only white space', '   \n\t'],
      ['only invisible characters', '\u200B\uFEFF\u00A0'],
    ])('accountSid.required when %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('accountSid.required');
    });

    test('accountSid.tokenPasted for 32 hex digits (the auth token), in either case and with white space', () => {
      expect(errorOf('9f8e7d6c9f8e7d6c9f8e7d6c9f8e7d6c')).toBe('accountSid.tokenPasted');
      expect(errorOf('9F8E7D6C9F8E7D6C9F8E7D6C9F8E7D6C')).toBe('accountSid.tokenPasted');
      expect(errorOf(' 9f8e7d6c9f8e7d6c9f8e7d6c9f8e7d6c\n')).toBe('accountSid.tokenPasted');
    });

    test('accountSid.tokenPasted even when the token happens to start with "ac": 32 hex digits are a token', () => {
      expect(errorOf(`ac${HEX.slice(2)}`)).toBe('accountSid.tokenPasted');
    });

    test.each([
      ['an API key SID', `SK${HEX}`],
      ['a Messaging Service SID', `MG${HEX}`],
      ['a phone number SID', `PN${HEX}`],
      ['a phone number', '+14155238886'],
      ['a quoted SID', `"${SID}"`],
      ['a single letter', 'A'],
    ])('accountSid.wrongPrefix for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('accountSid.wrongPrefix');
    });

    test.each([
      ['one hex digit short', `AC${HEX.slice(1)}`],
      ['one hex digit too many', `${SID}0`],
      ['nothing after AC', 'AC'],
      ['a SID pasted twice', `${SID}${SID}`],
    ])('accountSid.wrongLength for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('accountSid.wrongLength');
    });

    test.each([
      ['a letter beyond f', `AC${HEX.slice(0, 31)}g`],
      ['dashes', 'AC01234567-89abcdef-0123456789abcdef'],
      ['a bad character and the wrong length', 'ACxyz'],
    ])('accountSid.notHex for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('accountSid.notHex');
    });

    test.each([
      ['a letter beyond f', `AC${HEX.slice(0, 31)}G`, 'G'],
      ['the first of several', 'AC01234567-89abcdef-0123456789abcdef', '-'],
      ['an invisible control character', `AC0123\u0007456789abcdef0123456789abcdef`, '\u0007'],
      ['an emoji, whole', `AC${HEX.slice(0, 31)}🙂`, '🙂'],
    ])('names the refused character: %s', (_label, raw, character) => {
      expect(parseAccountSid(raw)).toEqual({ ok: false, error: 'accountSid.notHex', params: { character } });
    });
  });
});
