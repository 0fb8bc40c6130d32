import { describe, expect, test } from 'vitest';
import { fillEnglish, splitParams, withParams } from './validation-params';

describe('validation codes with parameters', () => {
  test('a code without parameters stays the code', () => {
    expect(withParams('authToken.notHex')).toBe('authToken.notHex');
    expect(splitParams('authToken.notHex')).toEqual({ code: 'authToken.notHex', params: {} });
  });

  test.each(['G', '?', '&', '=', '%', ' ', '\u00A0', '🙂'])('the character %j survives the round trip', (character) => {
    expect(splitParams(withParams('authToken.notHex', { character }))).toEqual({ code: 'authToken.notHex', params: { character } });
  });

  test('English wording names the character', () => {
    expect(fillEnglish('The character {{character}} is not allowed.', { character: 'G' })).toBe('The character “G” is not allowed.');
    expect(fillEnglish('The character {{character}} is not allowed.', { character: '\u00A0' })).toBe('The character U+00A0 (invisible) is not allowed.');
  });
});
