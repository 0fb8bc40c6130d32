import { describe, expect, it } from 'vitest';
import { closesReplyWindow, describeTwilioError, isKnownTwilioError, knownTwilioErrors } from './twilio-errors';

describe('Twilio error codes in words', () => {
  it('word every code design.md lists', () => {
    for (const code of ['63016', '63015', '63018', '63019', '21211', '21610', '20003']) expect(isKnownTwilioError(code)).toBe(true);
    expect(describeTwilioError(63016)).toMatch(/24 hours.*template/);
    expect(describeTwilioError('63015')).toMatch(/sandbox/);
  });

  it('name an unknown code by its number, and a missing one as such', () => {
    expect(describeTwilioError('12345')).toBe('Twilio reported error 12345.');
    expect(describeTwilioError(null)).toBe('Twilio reported error without a code.');
  });

  it('have no duplicate codes', () => {
    expect(new Set(knownTwilioErrors).size).toBe(knownTwilioErrors.length);
  });

  it('say which codes mean the 24-hour window is closed', () => {
    expect(closesReplyWindow('63016')).toBe(true);
    expect(closesReplyWindow(63016)).toBe(true);
    for (const code of ['63015', '30008', '', null, undefined]) expect(closesReplyWindow(code)).toBe(false);
  });
});
