import { describe, expect, test } from 'vitest';
import { authTokenHint, parseAuthToken } from './auth-token';

const TOKEN = '9f8e7d6c5b4a39281706f5e4d3c2b1a0';

const errorOf = (raw: string) => {
  const result = parseAuthToken(raw);
  return result.ok ? `ok:${result.value}` : result.error;
};

describe('parseAuthToken', () => {
  describe('accepts what people paste from the Twilio console', () => {
    test('a token as Twilio shows it', () => {
      expect(parseAuthToken(TOKEN)).toEqual({ ok: true, value: TOKEN });
    });

    test.each([
      ['surrounding spaces', `  ${TOKEN}  `],
      ['a trailing line break', `${TOKEN}\n`],
      ['a Windows line break and a tab', `\t${TOKEN}\r\n`],
      ['no-break spaces around it', `\u00A0${TOKEN}\u00A0`],
      ['a zero-width space inside', `9f8e7d6c5b4a3928\u200B1706f5e4d3c2b1a0`],
      ['a byte order mark in front', `\uFEFF${TOKEN}`],
      ['a space inside', `9f8e7d6c5b4a3928 1706f5e4d3c2b1a0`],
      ['a no-break space inside', `9f8e7d6c5b4a3928\u00A01706f5e4d3c2b1a0`],
      ['groups of four, as the console shows it', '9F8E 7D6C 5B4A 3928 1706 F5E4 D3C2 B1A0'],
      ['groups on two lines', '9f8e7d6c 5b4a3928\n1706f5e4 d3c2b1a0'],
    ])('with %s', (_label, raw) => {
      expect(parseAuthToken(raw)).toEqual({ ok: true, value: TOKEN });
    });

    test('normalises uppercase hex to lowercase', () => {
      expect(parseAuthToken(TOKEN.toUpperCase())).toEqual({ ok: true, value: TOKEN });
    });
  });

  describe('rejects with a code that says what is wrong', () => {
    test.each([
      ['empty', ''],
      ['only white space', ' \n\t '],
      ['only invisible characters', '\u200B\u00A0'],
    ])('authToken.required when %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('authToken.required');
    });

    test.each([
      ['as Twilio shows it', 'AC0123456789abcdef0123456789abcdef'],
      ['in uppercase', 'AC0123456789ABCDEF0123456789ABCDEF'],
      ['with a lowercase prefix and a line break', 'ac0123456789abcdef0123456789abcdef\n'],
    ])('authToken.sidPasted for an Account SID %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('authToken.sidPasted');
    });

    test.each([
      ['one hex digit short', TOKEN.slice(1)],
      ['one hex digit too many', `${TOKEN}0`],
      ['a token pasted twice', `${TOKEN}${TOKEN}`],
      ['a SID one digit short (all hex, so only its length is wrong)', 'AC0123456789abcdef0123456789abcde'],
    ])('authToken.wrongLength for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('authToken.wrongLength');
    });

    test.each([
      ['a letter beyond f', `${TOKEN.slice(0, 31)}g`],
      ['a masked token copied from a screen', '••••••••••••••••••••••••••••b1a0'],
      ['an API key SID', 'SK0123456789abcdef0123456789abcdef'],
      ['a placeholder', '[AuthToken]'],
    ])('authToken.notHex for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('authToken.notHex');
    });

    test('names the refused character', () => {
      expect(parseAuthToken(`${TOKEN.slice(0, 31)}G`)).toEqual({ ok: false, error: 'authToken.notHex', params: { character: 'G' } });
      expect(parseAuthToken('••••b1a0')).toEqual({ ok: false, error: 'authToken.notHex', params: { character: '•' } });
    });
  });
});

describe('authTokenHint', () => {
  test('is the last four characters of the token', () => {
    expect(authTokenHint(TOKEN)).toBe('b1a0');
  });

  test('never reveals more than four characters', () => {
    expect(authTokenHint(TOKEN)).toHaveLength(4);
    expect(TOKEN.startsWith(authTokenHint(TOKEN))).toBe(false);
  });

  test('of a parsed uppercase token is lowercase, as the stored token is', () => {
    const parsed = parseAuthToken(TOKEN.toUpperCase());
    expect(parsed.ok && authTokenHint(parsed.value)).toBe('b1a0');
  });

  test('of something shorter than four characters is all of it', () => {
    expect(authTokenHint('ab')).toBe('ab');
    expect(authTokenHint('')).toBe('');
  });
});
