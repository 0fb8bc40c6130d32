// @vitest-environment node
import { expect, test } from 'vitest';
import { RecentDeliveries } from './recent-deliveries';

test('a delivery id is new once; beyond capacity the oldest is forgotten', () => {
  const recent = new RecentDeliveries(2);
  expect(recent.remember('a')).toBe(true);
  expect(recent.remember('a')).toBe(false);
  expect(recent.remember('b')).toBe(true);
  expect(recent.remember('c')).toBe(true);
  expect(recent.remember('b')).toBe(false);
  expect(recent.remember('a')).toBe(true);
});
