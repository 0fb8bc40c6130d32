import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';

/** Twilio's form bodies are a few kilobytes; a bigger one is not from Twilio. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;

export const SIGNATURE_HEADER = 'x-twilio-signature';

/** A form body as Twilio sent it: every value decoded, nothing trimmed; a repeated name keeps all its values. */
export type FormParams = Record<string, string | string[]>;

/** The decoded parameters of an application/x-www-form-urlencoded body, exactly as received. */
export function parseForm(body: string): FormParams {
  // No prototype: a parameter called "__proto__" or "constructor" is just a parameter.
  const params: FormParams = Object.create(null) as FormParams;
  for (const [name, value] of new URLSearchParams(body)) {
    const seen = params[name];
    if (seen === undefined) params[name] = value;
    else if (Array.isArray(seen)) seen.push(value);
    else params[name] = [seen, value];
  }
  return params;
}

/**
 * Registers the form parser on a plugin's scope only (the webhooks): the rest of the API
 * takes JSON. Bodies over the limit are refused by Fastify with 413.
 */
export function acceptTwilioForms(app: FastifyInstance): void {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => {
    done(null, parseForm(String(body)));
  });
}

/**
 * The URLs Twilio may have signed for this request: the public address (PUBLIC_URL, which
 * is what the account page tells people to paste into Twilio) plus the path and query as
 * received; and, when a trusted proxy forwards the original host and protocol, that address.
 */
export function signedUrlCandidates(request: FastifyRequest, publicUrl: string, trustProxy: unknown): string[] {
  const candidates = [`${publicUrl}${request.url}`];
  if (trustProxy !== false && trustProxy !== undefined) {
    const forwarded = `${request.protocol}://${request.host}${request.url}`;
    if (!candidates.includes(forwarded)) candidates.push(forwarded);
  }
  return candidates;
}

/**
 * Whether the request carries a valid X-Twilio-Signature made with this auth token over
 * one of the candidate URLs and the parameters exactly as they arrived.
 */
export function hasValidSignature(authToken: string, signature: unknown, urls: readonly string[], params: FormParams): boolean {
  if (typeof signature !== 'string' || signature === '') return false;
  return urls.some((url) => validateRequest(authToken, signature, url, params));
}
