import { describe, expect, it } from 'vitest';
import { REPLY_WINDOW_MS, replyWindow, splitRemaining } from './conversation-window';

const lastInbound = new Date('2026-11-20T10:00:00Z');
const after = (ms: number) => new Date(lastInbound.getTime() + ms);

describe('the 24-hour reply window', () => {
  it('is open right after the customer wrote, with the time left', () => {
    expect(replyWindow(lastInbound, after(60_000))).toEqual({ open: true, closesAt: after(REPLY_WINDOW_MS), remainingMs: REPLY_WINDOW_MS - 60_000 });
  });

  it('is open one millisecond before 24 hours, and closed at exactly 24 hours', () => {
    expect(replyWindow(lastInbound, after(REPLY_WINDOW_MS - 1)).open).toBe(true);
    expect(replyWindow(lastInbound, after(REPLY_WINDOW_MS))).toEqual({ open: false, closedAt: after(REPLY_WINDOW_MS) });
  });

  it('is closed when the customer never wrote (a business-initiated conversation)', () => {
    expect(replyWindow(null, lastInbound)).toEqual({ open: false, closedAt: null });
  });

  it('takes the timestamp as the API sends it', () => {
    expect(replyWindow('2026-11-20T10:00:00.000Z', after(3_600_000)).open).toBe(true);
  });

  it('is closed once Twilio refused a reply as outside the window, until the customer writes again', () => {
    const refused = after(60 * 60_000);
    expect(replyWindow(lastInbound, after(61 * 60_000), refused)).toEqual({ open: false, closedAt: refused, refusedByTwilio: true });
    expect(replyWindow(lastInbound, after(61 * 60_000), refused.toISOString()).open).toBe(false);
    // A refusal of a message sent before the customer's latest message is about a window that is gone.
    expect(replyWindow(after(2 * 60 * 60_000), after(3 * 60 * 60_000), refused).open).toBe(true);
    expect(replyWindow(lastInbound, after(60_000), null).open).toBe(true);
  });

  it('splits the time left into whole hours and minutes, rounded down, never negative', () => {
    expect(splitRemaining(5 * 3_600_000 + 12 * 60_000 + 59_999)).toEqual({ hours: 5, minutes: 12 });
    expect(splitRemaining(59_999)).toEqual({ hours: 0, minutes: 0 });
    expect(splitRemaining(-1000)).toEqual({ hours: 0, minutes: 0 });
  });
});
