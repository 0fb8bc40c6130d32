import { describe, expect, it } from 'vitest';
import { effectivePresence, PRESENCE_STALE_MINUTES } from './presence';

describe('effectivePresence', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

  it('is what the user chose while they are around', () => {
    expect(effectivePresence('busy', ago(1), now)).toBe('busy');
    expect(effectivePresence('available', ago(PRESENCE_STALE_MINUTES), now)).toBe('available');
  });

  it('is Offline once they have been quiet for longer than the limit, or never came', () => {
    expect(effectivePresence('available', ago(PRESENCE_STALE_MINUTES + 0.1), now)).toBe('offline');
    expect(effectivePresence('available', null, now)).toBe('offline');
  });
});
