// @vitest-environment node
import { expect, test } from 'vitest';
import type { BotAnswer } from '@/domain/bot/bot-protocol';
import { RecentDeliveries } from './recent-deliveries';

const menu: BotAnswer = { messages: [{ text: '1 Billing' }] };
const handoff: BotAnswer = { messages: [{ text: 'Thanks' }], handoff: { variables: { topic: 'billing' }, reason: 'billing' } };

test('a delivery gets back the answer remembered for it, and nothing before one is remembered', () => {
  const recent = new RecentDeliveries();
  expect(recent.answerGiven('a')).toBeUndefined();
  recent.remember('a', handoff);
  expect(recent.answerGiven('a')).toEqual(handoff);
  expect(recent.answerGiven('b')).toBeUndefined();
});

test('the first answer to a delivery stays', () => {
  const recent = new RecentDeliveries();
  recent.remember('a', handoff);
  recent.remember('a', menu);
  expect(recent.answerGiven('a')).toEqual(handoff);
});

test('beyond capacity the oldest delivery is forgotten', () => {
  const recent = new RecentDeliveries(2);
  recent.remember('a', menu);
  recent.remember('b', handoff);
  recent.remember('c', menu);
  expect(recent.answerGiven('a')).toBeUndefined();
  expect(recent.answerGiven('b')).toEqual(handoff);
  expect(recent.answerGiven('c')).toEqual(menu);
});
