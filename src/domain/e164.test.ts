import { describe, expect, test } from 'vitest';
import { isTwilioSandboxNumber, parseE164, TWILIO_SANDBOX_NUMBER } from './e164';

const errorOf = (raw: string) => {
  const result = parseE164(raw);
  return result.ok ? `ok:${result.value}` : result.error;
};

describe('parseE164', () => {
  describe('accepts numbers as people paste them and returns E.164', () => {
    test.each([
      ['E.164 already', '+358401234567', '+358401234567'],
      ['surrounding spaces and a line break', '  +358401234567 \n', '+358401234567'],
      ['tabs', '\t+358401234567\t', '+358401234567'],
      ['spaces inside', '+358 40 123 4567', '+358401234567'],
      ['no-break spaces inside', '+358\u00A040\u00A0123\u00A04567', '+358401234567'],
      ['zero-width spaces inside', '+358\u200B40\u200B1234567', '+358401234567'],
      ['dashes', '+1-415-523-8886', '+14155238886'],
      ['dots', '+1.415.523.8886', '+14155238886'],
      ['brackets', '+1 (415) 523-8886', '+14155238886'],
      ['a bracketed trunk zero after the country code', '+44 (0)20 7946 0958', '+442079460958'],
      ['a bracketed trunk zero without spaces', '+358(0)401234567', '+358401234567'],
      ['a whatsapp: prefix from Twilio', 'whatsapp:+14155238886', '+14155238886'],
      ['a capitalised WhatsApp: prefix and a space', 'WhatsApp: +1 415 523 8886', '+14155238886'],
      ['a whatsapp: prefix with spaces around everything', '  whatsapp:+14155238886\n', '+14155238886'],
      ['the shortest number the rules allow (one digit)', '+1', '+1'],
      ['the longest number E.164 allows (15 digits)', '+123456789012345', '+123456789012345'],
    ])('%s', (_label, raw, expected) => {
      expect(parseE164(raw)).toEqual({ ok: true, value: expected });
    });

    test('the Twilio sandbox number is valid E.164', () => {
      expect(parseE164(TWILIO_SANDBOX_NUMBER)).toEqual({ ok: true, value: '+14155238886' });
    });
  });

  describe('rejects with a code that says what is wrong', () => {
    test.each([
      ['empty', ''],
      ['only white space', ' \n\t'],
      ['only invisible characters', '\u200B\u00A0'],
      ['only the whatsapp: prefix', 'whatsapp:'],
      ['the prefix and white space', ' whatsapp:  '],
      ['only separators', '- ( ) .'],
    ])('e164.required when %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('e164.required');
    });

    test.each([
      ['a national number with a leading 0', '040 123 4567'],
      ['the international 00 prefix', '00358401234567'],
      ['the country code without +', '358401234567'],
      ['a whatsapp: prefix without +', 'whatsapp:14155238886'],
      ['a number in brackets without +', '(415) 523-8886'],
    ])('e164.missingPlus for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('e164.missingPlus');
    });

    test.each([
      ['a 0 right after +', '+0401234567'],
      ['the 00 prefix after +', '+00358401234567'],
    ])('e164.leadingZero for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('e164.leadingZero');
    });

    test.each([
      ['letters', '+358abc'],
      ['words only', 'call me'],
      ['an extension', '+1 415 523 8886 ext 2'],
      ['a tel: URI', 'tel:+14155238886'],
      ['two plus signs', '++358401234567'],
      ['a plus in the middle', '+358+401234567'],
      ['a slash', '+358/401234567'],
      ['full-width digits', '+３５８４０１２３４５６７'],
    ])('e164.invalidCharacters for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('e164.invalidCharacters');
    });

    test.each([
      ['letters', '+358abc', 'a'],
      ['words only', 'call me', 'c'],
      ['a plus in the middle', '+358+401234567', '+'],
      ['full-width digits', '+３５８４０１２３４５６７', '３'],
    ])('names the refused character: %s', (_label, raw, character) => {
      expect(parseE164(raw)).toEqual({ ok: false, error: 'e164.invalidCharacters', params: { character } });
    });

    test('drops a zero-width space pasted inside the number', () => {
      expect(parseE164('+358\u200B40 123 4567')).toEqual({ ok: true, value: '+358401234567' });
    });

    test.each([
      ['a lone +', '+'],
      ['+ and separators', '+ ( ) -'],
      ['whatsapp:+', 'whatsapp:+'],
    ])('e164.tooShort for %s', (_label, raw) => {
      expect(errorOf(raw)).toBe('e164.tooShort');
    });

    test('e164.tooLong for more than 15 digits, however they are spaced', () => {
      expect(errorOf('+1234567890123456')).toBe('e164.tooLong');
      expect(errorOf('+123 456 789 012 3456')).toBe('e164.tooLong');
    });
  });
});

test('the sandbox number is recognised however it is written', () => {
  expect(isTwilioSandboxNumber('whatsapp:+1 (415) 523-8886')).toBe(true);
  expect(isTwilioSandboxNumber('+14155238887')).toBe(false);
  expect(isTwilioSandboxNumber('14155238886')).toBe(false);
});
