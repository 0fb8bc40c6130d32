import { describe, expect, test } from 'vitest';
import { forbiddenBody, notFoundBody, unauthorizedBody } from '@/api/contract/problem-bodies';
import { ApiError, networkFailure } from '@/api/problem';
import { needsSessionCheck, unauthorizedIsAnswer } from './session-recheck';

const unauthorized = new ApiError(unauthorizedBody());
const forbidden = new ApiError(forbiddenBody());

describe('needsSessionCheck', () => {
  test('a 401 or 403 anywhere asks for the session again', () => {
    expect(needsSessionCheck(unauthorized, { queryKey: ['queues', 'list'] })).toBe(true);
    expect(needsSessionCheck(forbidden, { queryKey: ['queues', 'list'] })).toBe(true);
    expect(needsSessionCheck(unauthorized, { meta: undefined })).toBe(true);
  });

  test('the session query’s own 401 is its answer, not a reason to ask again', () => {
    expect(needsSessionCheck(unauthorized, { queryKey: ['session'] })).toBe(false);
  });

  test('a wrong password at sign-in is an answer too, but a 403 there is not', () => {
    expect(needsSessionCheck(unauthorized, { meta: unauthorizedIsAnswer })).toBe(false);
    expect(needsSessionCheck(forbidden, { meta: unauthorizedIsAnswer })).toBe(true);
  });

  test('other failures leave the session alone', () => {
    expect(needsSessionCheck(new ApiError(notFoundBody('queue')), { queryKey: ['queues'] })).toBe(false);
    expect(needsSessionCheck(networkFailure(new TypeError('offline')), { queryKey: ['queues'] })).toBe(false);
    expect(needsSessionCheck(new Error('bug'), { queryKey: ['queues'] })).toBe(false);
  });
});
