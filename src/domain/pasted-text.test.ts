import { describe, expect, test } from 'vitest';
import { cleanPasted, firstRefused, withoutWhitespace } from './pasted-text';

describe('cleanPasted', () => {
  test('leaves clean text alone', () => {
    expect(cleanPasted('AC0123')).toBe('AC0123');
  });

  test('trims spaces, tabs and line breaks copied around the value', () => {
    expect(cleanPasted('  value \n')).toBe('value');
    expect(cleanPasted('\tvalue\r\n')).toBe('value');
    expect(cleanPasted('\n\nvalue\n\n')).toBe('value');
  });

  test('removes zero-width characters anywhere, not only at the ends', () => {
    expect(cleanPasted('\u200Bval\u200Cu\u200De\uFEFF')).toBe('value');
    expect(cleanPasted('\uFEFF value')).toBe('value');
  });

  test('turns no-break spaces into plain spaces, trimming them at the ends', () => {
    expect(cleanPasted('\u00A0+358\u00A040\u00A0')).toBe('+358 40');
  });

  test('keeps spaces inside the value: each parser decides what they mean', () => {
    expect(cleanPasted(' a b ')).toBe('a b');
  });

  test('reduces white space and invisible characters alone to the empty string', () => {
    expect(cleanPasted('')).toBe('');
    expect(cleanPasted(' \t\n\u00A0\u200B\uFEFF ')).toBe('');
  });
});

describe('withoutWhitespace', () => {
  test('removes white space anywhere: the gaps of a grouped token, line breaks, no-break spaces', () => {
    expect(withoutWhitespace(' 9E15 5237\u00A0ab\n\tcd ')).toBe('9E155237abcd');
  });

  test('removes invisible formatting characters: zero-width, word joiner, byte order mark, direction marks', () => {
    expect(withoutWhitespace('\uFEFFa\u200Bb\u2060c\u200Ed\u00ADe')).toBe('abcde');
  });

  test('keeps every visible character, so a parser can still refuse it', () => {
    expect(withoutWhitespace('AC-xyz•🙂')).toBe('AC-xyz•🙂');
  });
});

describe('firstRefused', () => {
  test('is the first character outside the allowed set, whole even beyond the basic plane', () => {
    expect(firstRefused('abcGh', /[a-f]/)).toBe('G');
    expect(firstRefused('ab🙂c', /[a-f]/)).toBe('🙂');
  });

  test('is undefined when every character is allowed', () => {
    expect(firstRefused('abc', /[a-f]/)).toBeUndefined();
  });
});
