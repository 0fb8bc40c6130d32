import { expect, test } from 'vitest';
import { setupTokenFrom } from './setup-token';

test('reads the token from the fragment the server prints', () => {
  expect(setupTokenFrom({ hash: '#token=Abc-123_x', search: '' })).toBe('Abc-123_x');
});

test('reads it from the query under the demo’s hash URLs', () => {
  expect(setupTokenFrom({ hash: '', search: '?token=demo-setup-token' })).toBe('demo-setup-token');
});

test('prefers the fragment, and is empty without a token', () => {
  expect(setupTokenFrom({ hash: '#token=from-hash', search: '?token=from-query' })).toBe('from-hash');
  expect(setupTokenFrom({ hash: '', search: '' })).toBe('');
  expect(setupTokenFrom({ hash: '#other=1', search: '?step=2' })).toBe('');
});
