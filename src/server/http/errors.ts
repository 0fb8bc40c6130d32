import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemTypes, type Problem } from '@/api/contract/problem';
import { badRequestBody, missingBodyDetail, notFoundBody, tooManyRequestsBody } from '@/api/contract/problem-bodies';
import { Refused } from '../services/refused';
import { HttpProblem } from './problem';
import { headersOf, problemOf } from './refusals';

export function sendProblem(reply: FastifyReply, body: Problem, headers: Record<string, string> = {}) {
  return reply.status(body.status).headers(headers).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** Fastify's own errors in words an API user can act on. */
function frameworkProblem(error: FastifyError): Problem | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { type: problemTypes.payloadTooLarge, title: 'Request too large', status: 413, detail: 'The request body is larger than this endpoint accepts.' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { type: problemTypes.unsupportedMediaType, title: 'Unsupported media type', status: 415, detail: 'Send the body as application/json.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequestBody(missingBodyDetail);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequestBody('The Content-Length header does not match the body.');
    default:
      return null;
  }
}

/**
 * What a log line may say about an unexpected error. A failed query carries its SQL
 * parameters (password hashes, tokens, e-mail addresses) in its message and fields:
 * only the database's own code and names go to the log.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const cause = (error as { cause?: unknown }).cause;
  const database = (typeof cause === 'object' && cause !== null ? cause : error) as Record<string, unknown>;
  if (typeof (error as { query?: unknown }).query === 'string' || typeof database.code === 'string') {
    const { code, constraint, table, column, routine } = database;
    return { type: 'DatabaseError', code, constraint, table, column, routine };
  }
  const plain = error as Error;
  return { type: plain.name, message: plain.message, stack: plain.stack };
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error.body, error.headers);
    if (error instanceof Refused) return sendProblem(reply, problemOf(error.refusal), headersOf(error.refusal));
    if (error.statusCode === 429) {
      const retryAfter = Number(reply.getHeader('retry-after') ?? 60);
      return sendProblem(reply, tooManyRequestsBody(retryAfter));
    }
    const known = frameworkProblem(error);
    if (known) return sendProblem(reply, known);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, badRequestBody('The request could not be read.'));
    }
    request.log.error({ err: loggableError(error) }, 'request failed');
    return sendProblem(reply, {
      type: problemTypes.server,
      title: 'Something went wrong on the server',
      status: 500,
      detail: `Nothing was changed. Try again; if it keeps failing, give this reference to your administrator: ${request.id}.`,
    });
  });
}

/**
 * The router's own refusals, made before any route, hook or error handler runs: a URL whose
 * %-escapes do not decode, a path id longer than the router takes. Fastify answers them in
 * JSON of its own (echoing the path) unless this is its `frameworkErrors` option.
 */
export function routerProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, { ...notFoundBody('address'), detail: 'Nothing is served at this address.' });
  if (error.code === 'FST_ERR_BAD_URL') return sendProblem(reply, badRequestBody('The address has a %-escape that does not decode.'));
  request.log.error({ err: loggableError(error) }, 'request failed in the router');
  return sendProblem(reply, { type: problemTypes.server, title: 'Something went wrong on the server', status: 500, detail: `Try again; if it keeps failing, give this reference to your administrator: ${request.id}.` });
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers or URL over the
 * size limit, a malformed request line, a client too slow): Fastify's `clientErrorHandler`
 * option, answering a problem instead of Fastify's own JSON, then closing the connection.
 */
export function clientErrorProblem(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const title = STATUS_CODES[status]!;
  const detail = status === 431 ? 'The address or the headers are longer than this server accepts.' : status === 408 ? 'The request took too long to arrive.' : 'The request could not be read.';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail } satisfies Problem);
  // A response already under way on this connection must not get another one written into it.
  const inProgress = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
  if (socket.writable && !inProgress) {
    socket.write(`HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

export function apiNotFound(reply: FastifyReply) {
  return sendProblem(reply, { ...notFoundBody('API endpoint'), detail: 'There is no API endpoint at this address.' });
}
