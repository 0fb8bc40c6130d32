import type { FastifyInstance, FastifyServerOptions } from 'fastify';

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

export type RequestLogLevel = 'error' | 'debug';

/**
 * One line per answered request: at debug, so the terminal of `npm start` stays readable
 * (the setup link must not scroll away), except the server's own failures, which are errors.
 */
export function requestLogLevel(statusCode: number): RequestLogLevel {
  return statusCode >= 500 ? 'error' : 'debug';
}

/**
 * The path a request line names: the route's pattern when one matched, so that a
 * capability in the path (an attachment's /media/:id/:token) never reaches a log;
 * otherwise the path without its query string.
 */
export function loggedPath(url: string, routePattern: string | undefined): string {
  return routePattern ?? url.split('?')[0]!;
}

/** Replaces Fastify's two info lines per request ("incoming request", "request completed"). */
export function logAnsweredRequests(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    request.log[requestLogLevel(reply.statusCode)](
      { method: request.method, path: loggedPath(request.url, request.routeOptions.url), statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request answered',
    );
  });
}
