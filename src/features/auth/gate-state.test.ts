import { describe, expect, test } from 'vitest';
import { ApiError, networkFailure } from '@/api/problem';
import { unauthorizedBody } from '@/api/contract/problem-bodies';
import { gateState } from './gate-state';

const session = { user: { id: 'u1', name: 'Aino', email: 'a@b.c', role: 'admin', presence: 'available' } } as const;
const unauthorized = new ApiError(unauthorizedBody());

describe('gateState', () => {
  test('checks while the first answer is on its way', () => {
    expect(gateState({ data: undefined, error: null, isPending: true })).toBe('checking');
  });

  test('lets the user in with a session', () => {
    expect(gateState({ data: session, error: null, isPending: false })).toBe('signedIn');
  });

  test('sends the user to sign in when the answer is that nobody is signed in', () => {
    expect(gateState({ data: { user: null }, error: null, isPending: false })).toBe('signedOut');
  });

  test('sends the user to sign in on 401, even when a session was known before', () => {
    expect(gateState({ data: undefined, error: unauthorized, isPending: false })).toBe('signedOut');
    expect(gateState({ data: session, error: unauthorized, isPending: false })).toBe('signedOut');
  });

  test('keeps a signed-in user in when a later check cannot reach the server', () => {
    expect(gateState({ data: session, error: networkFailure(new TypeError('offline')), isPending: false })).toBe('signedIn');
  });

  test('says the check failed when it never succeeded', () => {
    expect(gateState({ data: undefined, error: networkFailure(new TypeError('offline')), isPending: false })).toBe('failed');
  });
});
