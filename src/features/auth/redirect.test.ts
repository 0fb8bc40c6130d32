import { describe, expect, test } from 'vitest';
import { safeNextPath, signInPathFrom } from './redirect';

const place = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });

describe('signInPathFrom', () => {
  test('remembers the page, its query and its fragment', () => {
    expect(signInPathFrom(place('/channels/accounts/new', '?step=numbers'))).toBe(
      '/sign-in?next=%2Fchannels%2Faccounts%2Fnew%3Fstep%3Dnumbers',
    );
    expect(signInPathFrom(place('/queues', '', '#top'))).toBe('/sign-in?next=%2Fqueues%23top');
  });

  test('remembers nothing for the start page, which depends on who signs in', () => {
    expect(signInPathFrom(place('/'))).toBe('/sign-in');
  });

  test('never sends the user back to the sign-in or setup page', () => {
    expect(signInPathFrom(place('/sign-in', '?next=%2Fqueues'))).toBe('/sign-in');
    expect(signInPathFrom(place('/setup'))).toBe('/sign-in');
  });
});

describe('safeNextPath', () => {
  test('accepts addresses inside the app', () => {
    expect(safeNextPath('/workstreams/abc?tab=routing')).toBe('/workstreams/abc?tab=routing');
  });

  test.each([
    ['nothing', null],
    ['an empty value', ''],
    ['another site', 'https://evil.example/'],
    ['a protocol-relative address', '//evil.example/path'],
    ['a backslash trick', '/\\evil.example'],
    ['a relative path', 'queues'],
    ['a script', 'javascript:alert(1)'],
    ['the sign-in page', '/sign-in?next=%2Fqueues'],
    ['the setup page', '/setup#token=abc'],
  ])('refuses %s', (_label, next) => {
    expect(safeNextPath(next)).toBeNull();
  });
});
