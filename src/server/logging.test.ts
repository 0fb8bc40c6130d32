// @vitest-environment node
import { expect, test } from 'vitest';
import { loggedPath, requestLogLevel } from './logging';

test('answered requests are logged at debug, the server’s own failures as errors', () => {
  expect(requestLogLevel(200)).toBe('debug');
  expect(requestLogLevel(304)).toBe('debug');
  expect(requestLogLevel(401)).toBe('debug');
  expect(requestLogLevel(404)).toBe('debug');
  expect(requestLogLevel(500)).toBe('error');
  expect(requestLogLevel(503)).toBe('error');
});

test('a request line names the route’s pattern, not a token in the path or the query', () => {
  expect(loggedPath('/media/abc/secret-token', '/media/:id/:token')).toBe('/media/:id/:token');
  expect(loggedPath('/api/nothing-here?token=x', undefined)).toBe('/api/nothing-here');
});
