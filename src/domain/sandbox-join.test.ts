import { describe, expect, it } from 'vitest';
import { TWILIO_SANDBOX_NUMBER } from './e164';
import { isSandboxJoin } from './sandbox-join';

describe('isSandboxJoin', () => {
  it('is "join" and a hyphenated code sent to the sandbox number, in any case and spacing', () => {
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, 'join bright-harbor')).toBe(true);
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, '  JOIN   Bright-Harbor ')).toBe(true);
    expect(isSandboxJoin('whatsapp:+14155238886', 'join quiet-river-two')).toBe(true);
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, 'join sunny')).toBe(true);
  });

  it('is not a join on another number, with more words, or with an attachment', () => {
    expect(isSandboxJoin('+358401234567', 'join bright-harbor')).toBe(false);
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, 'join bright-harbor please, billing')).toBe(false);
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, 'I want to join the club')).toBe(false);
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, 'join')).toBe(false);
    expect(isSandboxJoin(TWILIO_SANDBOX_NUMBER, 'join bright-harbor', 1)).toBe(false);
  });
});
