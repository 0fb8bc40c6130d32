import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { problemTypes } from '@/api/contract/problem';
import type { ServerContext } from '../context';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import { whatsappAccounts, whatsappNumbers } from '../db/schema';
import { isUuid } from '../http/input';
import { HttpProblem, problems } from '../http/problem';
import { receiveInbound } from '../services/inbound-message';
import { applyStatusCallback } from '../services/status-callback';
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
  const { db, keyring, config } = context;

  /** The account whose token signed this request, and the request's parameters; 403 otherwise. */
  async function verified(request: FastifyRequest): Promise<{ accountId: string; params: FormParams }> {
    const accountId = (request.params as { accountId?: unknown }).accountId;
    if (!isUuid(accountId)) throw refused();
    const id = accountId.toLowerCase();
    const signature = request.headers[SIGNATURE_HEADER];
    if (typeof signature !== 'string' || signature === '') throw refused();
    const [account] = await db.select({ sealed: whatsappAccounts.authTokenSealed }).from(whatsappAccounts).where(eq(whatsappAccounts.id, id));
    if (!account) throw refused();
    let authToken: string;
    try {
      authToken = open(keyring, account.sealed, id);
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) throw error;
      request.log.error({ accountId: id, reason: error.message }, 'webhook: the account’s auth token cannot be opened');
      // Twilio retries a 503 later, when the key may be back.
      throw new HttpProblem({ type: problemTypes.unavailable, title: 'Unavailable', status: 503, detail: 'The request cannot be checked now. Try again later.' });
    }
    const params = formOf(request);
    if (!hasValidSignature(authToken, signature, signedUrlCandidates(request, config.publicUrl, config.trustProxy), params)) throw refused();
    return { accountId: id, params };
  }

  /** Whether Twilio delivered this to one of the account's numbers (`whatsapp:+…`). */
  async function isAccountAddress(accountId: string, address: string): Promise<boolean> {
    const numbers = await db.select({ number: whatsappNumbers.number }).from(whatsappNumbers).where(eq(whatsappNumbers.accountId, accountId));
    return numbers.some((n) => `whatsapp:${n.number}` === address);
  }

  return async (app) => {
    acceptTwilioForms(app);
    // Any other body reaches the signature check (and fails it) instead of a 415 about JSON.
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, _body, done) => done(null, undefined));

    const routeOptions = { bodyLimit: WEBHOOK_BODY_LIMIT };

    app.post('/whatsapp/:accountId', routeOptions, async (request, reply) => {
      const { accountId, params } = await verified(request);
      const inbound = readInbound(params);
      if (!inbound) throw malformed();
      // Only the inbound webhook names a business number; status callbacks need no lookup.
      if (!(await isAccountAddress(accountId, inbound.toAddress))) throw refused();
      await receiveInbound(context, accountId, inbound);
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
