import { describe, expect, test } from 'vitest';
import { languageName } from './whatsapp-languages';

describe('languageName', () => {
  test('names a regional language one way, in English and in Finnish', () => {
    expect(languageName('en_US', 'en')).toBe('American English');
    expect(languageName('en_GB', 'en')).toBe('British English');
    expect(languageName('en_US', 'fi')).toBe('Amerikanenglanti');
    expect(languageName('fi', 'fi')).toBe('Suomi');
  });
});
