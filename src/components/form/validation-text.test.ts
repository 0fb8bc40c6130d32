import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { withParams } from '@/domain/validation-params';
import { en } from '@/i18n/en';
import { fi } from '@/i18n/fi';
import { validationMessageText, validationText } from './validation-text';

async function translator(language: 'en' | 'fi') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { translation: en }, fi: { translation: fi } }, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('validationText', () => {
  test('names a refused character in Finnish and in English', async () => {
    const fiT = await translator('fi');
    const enT = await translator('en');
    expect(validationText(fiT, 'authToken.notHex', { character: 'G' })).toBe(
      'Merkki ”G” ei kelpaa: todennustunnuksessa on vain kirjaimia a–f ja numeroita 0–9.',
    );
    expect(validationText(fiT, 'e164.invalidCharacters', { character: '\u00A0' })).toMatch(/^Merkki U\+00A0 \(näkymätön\) ei kelpaa: /);
    expect(validationText(enT, 'accountSid.notHex', { character: '\u0007' })).toBe(
      'The character U+0007 (invisible) is not allowed: after AC, an Account SID has only the letters a–f and digits 0–9.',
    );
  });

  test('reads a form error that carries the character after its code', async () => {
    const fiT = await translator('fi');
    expect(validationMessageText(fiT, withParams('accountSid.notHex', { character: '?' }))).toBe(
      'Merkki ”?” ei kelpaa: AC:n jälkeen tilin SID:ssä on vain kirjaimia a–f ja numeroita 0–9.',
    );
    expect(validationMessageText(fiT, 'field.required')).toBe('Tämä kenttä on pakollinen.');
  });

  test('leaves words that are no code to the caller', async () => {
    expect(validationMessageText(await translator('en'), 'Already worded.')).toBeUndefined();
  });
});
