import { describe, expect, it } from 'vitest';
import { isOutboundStatus, nextStatus, outboundStatuses, type OutboundStatus } from './message-status';

/** Every order in which a list of callbacks can arrive. */
function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const settle = (callbacks: OutboundStatus[]) => callbacks.reduce(nextStatus, 'pending' as OutboundStatus);

describe('delivery statuses', () => {
  it('move forward along queued → sending → sent → delivered → read', () => {
    expect(settle(['queued', 'sending', 'sent', 'delivered', 'read'])).toBe('read');
  });

  it('never move backwards, whatever order the callbacks arrive in', () => {
    for (const order of permutations<OutboundStatus>(['queued', 'sending', 'sent', 'delivered', 'read'])) {
      expect(settle(order)).toBe('read');
    }
  });

  it('keep a failure before delivery, in any order', () => {
    for (const order of permutations<OutboundStatus>(['queued', 'sent', 'failed'])) expect(settle(order)).toBe('failed');
    for (const order of permutations<OutboundStatus>(['queued', 'sending', 'undelivered'])) expect(settle(order)).toBe('undelivered');
  });

  it('ignore a failure reported after the message was delivered or read', () => {
    expect(nextStatus('delivered', 'failed')).toBe('delivered');
    expect(nextStatus('read', 'undelivered')).toBe('read');
  });

  it('keep a failure final', () => {
    expect(nextStatus('failed', 'read')).toBe('failed');
    expect(nextStatus('undelivered', 'failed')).toBe('undelivered');
  });

  it('know their own names only', () => {
    expect(outboundStatuses.every(isOutboundStatus)).toBe(true);
    expect(isOutboundStatus('received')).toBe(false);
    expect(isOutboundStatus('accepted')).toBe(false);
  });
});
