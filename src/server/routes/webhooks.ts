import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { problemTypes } from '@/api/contract/problem';
import type { ServerContext } from '../context';
import { SecretUnavailableError } from '../crypto/secret-box';
import { isUuid } from '../http/input';
import { HttpProblem, problems } from '../http/problem';
import { applyStatusCallback } from '../services/status-callback';
import type { CredentialsLookup } from '../services/webhook-credentials';
import { acceptTwilioForms, hasValidSignature, signedUrlCandidates, SIGNATURE_HEADER, WEBHOOK_BODY_LIMIT, type FormParams } from '../twilio/signature';
import { readInbound, readStatus } from '../twilio/webhook-params';

/** Twilio takes an empty TwiML document as "nothing to answer". */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** One answer for every refusal: which check failed would help only someone forging requests. */
const refused = () => problems.forbidden('This request was refused.');
const malformed = () => problems.badRequest('The body is not a Twilio webhook this address accepts.');

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

function formOf(request: FastifyRequest): FormParams {
  const contentType = request.headers['content-type'] ?? '';
  // Anything that is not a form is checked as a form without parameters: its signature cannot match.
  return FORM.test(contentType) && request.body && typeof request.body === 'object' ? (request.body as FormParams) : Object.create(null);
}

function sendEmptyTwiml(reply: FastifyReply) {
  return reply.status(200).type('text/xml; charset=utf-8').send(EMPTY_TWIML);
}

/**
 * POST /webhooks/twilio/whatsapp/:accountId and /status/:accountId: Twilio's calls, signed
 * with the account's auth token instead of a session. Answered only after the change is committed.
 */
export function webhookRoutes(context: ServerContext): FastifyPluginAsync {
  const { config, webhookCredentials } = context;

  /**
   * The account whose token signed this request, and the request's parameters; 403 otherwise.
   * `address`, when given, must be one of the account's numbers (a body without one is checked
   * by its signature alone, and then refused as malformed). What memory holds is checked
   * first; a mismatch is checked again against the database before it is refused.
   */
  async function verified(request: FastifyRequest, address?: string): Promise<{ accountId: string; params: FormParams }> {
    const accountId = (request.params as { accountId?: unknown }).accountId;
    if (!isUuid(accountId)) throw refused();
    const id = accountId.toLowerCase();
    const signature = request.headers[SIGNATURE_HEADER];
    if (typeof signature !== 'string' || signature === '') throw refused();
    const params = formOf(request);
    const urls = signedUrlCandidates(request, config.publicUrl, config.trustProxy);
    const accepts = (credentials: CredentialsLookup) => {
      if (credentials === 'unknown') return false;
      if (credentials instanceof SecretUnavailableError) {
        request.log.error({ accountId: id, reason: credentials.message }, 'webhook: the account’s auth token cannot be opened');
        // Twilio retries a 503 later, when the key may be back.
        throw new HttpProblem({ type: problemTypes.unavailable, title: 'Unavailable', status: 503, detail: 'The request cannot be checked now. Try again later.' });
      }
      return hasValidSignature(credentials.authToken, signature, urls, params) && (address === undefined || credentials.addresses.has(address));
    };
    const held = await webhookCredentials.get(id);
    if (!accepts(held) && (held === 'unknown' || !accepts(await webhookCredentials.get(id, { fresh: true })))) throw refused();
    return { accountId: id, params };
  }

  return async (app) => {
    acceptTwilioForms(app);
    // Any other body reaches the signature check (and fails it) instead of a 415 about JSON.
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, _body, done) => done(null, undefined));

    const routeOptions = { bodyLimit: WEBHOOK_BODY_LIMIT };

    app.post('/whatsapp/:accountId', routeOptions, async (request, reply) => {
      const inbound = readInbound(formOf(request));
      // Only the inbound webhook names a business number; status callbacks need no lookup.
      const { accountId } = await verified(request, inbound?.toAddress);
      if (!inbound) throw malformed();
      // Committed to the journal before Twilio hears 200; stored as a message right after.
      await context.inbound.accept(accountId, inbound, context.now());
      return sendEmptyTwiml(reply);
    });

    app.post('/status/:accountId', routeOptions, async (request, reply) => {
      const { accountId, params } = await verified(request);
      const callback = readStatus(params);
      if (!callback) throw malformed();
      await applyStatusCallback(context, accountId, callback);
      return sendEmptyTwiml(reply);
    });
  };
}
