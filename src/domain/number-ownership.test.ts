import { describe, expect, test } from 'vitest';
import { TWILIO_SANDBOX_NUMBER } from './e164';
import { clashesWith, numberClash } from './number-ownership';

describe('number ownership', () => {
  test('a number other than the sandbox belongs to one account', () => {
    expect(clashesWith({ accountId: 'a', number: '+358401234567' }, 'b', '+358401234567')).toBe(true);
    expect(clashesWith({ accountId: 'a', number: '+358401234567' }, 'a', '+358401234567')).toBe(true);
    expect(clashesWith({ accountId: 'a', number: '+358401234567' }, 'b', '+358401234568')).toBe(false);
  });

  test('the sandbox sender belongs to every account, once each', () => {
    expect(clashesWith({ accountId: 'a', number: TWILIO_SANDBOX_NUMBER }, 'b', TWILIO_SANDBOX_NUMBER)).toBe(false);
    expect(clashesWith({ accountId: 'a', number: TWILIO_SANDBOX_NUMBER }, 'a', TWILIO_SANDBOX_NUMBER)).toBe(true);
  });

  test('numberClash names the record in the way', () => {
    const held = [
      { id: 1, accountId: 'a', number: TWILIO_SANDBOX_NUMBER },
      { id: 2, accountId: 'b', number: TWILIO_SANDBOX_NUMBER },
    ];
    expect(numberClash(held, 'c', TWILIO_SANDBOX_NUMBER)).toBeUndefined();
    expect(numberClash(held, 'b', TWILIO_SANDBOX_NUMBER)?.id).toBe(2);
  });
});
