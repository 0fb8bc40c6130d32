import { describe, expect, test } from 'vitest';
import { englishCharacterName, nameCharacter } from './refused-character';

describe('nameCharacter', () => {
  test('names a visible character by itself', () => {
    expect(nameCharacter('G')).toEqual({ visible: true, character: 'G' });
    expect(nameCharacter('🙂')).toEqual({ visible: true, character: '🙂' });
  });

  test('names an invisible one by its code point: spaces, controls, format and combining characters', () => {
    expect(nameCharacter('\u00A0')).toEqual({ visible: false, codePoint: 'U+00A0' });
    expect(nameCharacter('\u0007')).toEqual({ visible: false, codePoint: 'U+0007' });
    expect(nameCharacter('\u200B')).toEqual({ visible: false, codePoint: 'U+200B' });
    expect(nameCharacter('\u0301')).toEqual({ visible: false, codePoint: 'U+0301' });
  });
});

describe('englishCharacterName', () => {
  test('quotes a visible character and marks a code point as invisible', () => {
    expect(englishCharacterName('G')).toBe('“G”');
    expect(englishCharacterName('\u00A0')).toBe('U+00A0 (invisible)');
  });
});
