import type { FastifyServerOptions } from 'fastify';

/**
 * Paths pino blanks in every log line. Request bodies are never logged; these catch a
 * secret that reaches a log through an error object or a header.
 */
export const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  '*.authToken',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.csrfToken',
  'err.body.authToken',
];

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return { level, redact: { paths: redactedPaths, censor: '[redacted]' } };
}
