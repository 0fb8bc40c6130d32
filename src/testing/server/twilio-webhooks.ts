import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { open } from '../../server/crypto/secret-box';
import { whatsappAccounts } from '../../server/db/schema';
import type { TestServer } from './test-server';

/** A MessageSid as Twilio makes them: SM (or MM with media) and 32 hex digits. */
export function newMessageSid(prefix: 'SM' | 'MM' = 'SM'): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** The auth token an account was created with, opened as the server opens it. */
export async function authTokenOf(server: TestServer, accountId: string): Promise<string> {
  const [row] = await server.context.db.select({ sealed: whatsappAccounts.authTokenSealed }).from(whatsappAccounts).where(eq(whatsappAccounts.id, accountId));
  if (!row) throw new Error(`No account ${accountId}`);
  return open(server.context.keyring, row.sealed, accountId);
}

/** Form parameters in order; a name may repeat. */
export type FormEntries = [string, string][];

/** The parameters as Twilio's signature function takes them: repeated names as arrays. */
export function signedParams(entries: FormEntries): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of entries) {
    const seen = params[name];
    params[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

/** A form body and its X-Twilio-Signature, as Twilio makes them with the account's token over `url`. */
export function signedForm(authToken: string, url: string, entries: FormEntries): { body: string; signature: string } {
  return { body: new URLSearchParams(entries).toString(), signature: getExpectedTwilioSignature(authToken, url, signedParams(entries)) };
}

/**
 * A webhook as Twilio sends it: form-encoded, signed with the token over `signedUrl`
 * (by default the public URL of the path it is posted to).
 */
export async function postSignedWebhook(
  server: TestServer,
  path: string,
  entries: FormEntries,
  options: { authToken: string; signedUrl?: string; signature?: string | null; headers?: Record<string, string> },
): Promise<Response> {
  const signedUrl = options.signedUrl ?? `${server.context.config.publicUrl}${path}`;
  const form = signedForm(options.authToken, signedUrl, entries);
  const signature = options.signature === undefined ? form.signature : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...options.headers };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers, body: form.body });
  // An accepted message is stored right after the 200 (docs/decisions/0014): tests look at it stored.
  if (response.ok && path.includes('/whatsapp/')) await server.context.inbound.settled();
  return response;
}

/** The parameters of a status callback for one of our messages, as Twilio sends them. */
export function statusEntries(report: { sid: string; status: string; accountSid: string; from: string; to: string; errorCode?: string }): FormEntries {
  return [
    ['SmsSid', report.sid],
    ['SmsStatus', report.status],
    ['MessageStatus', report.status],
    ['To', `whatsapp:${report.to}`],
    ['MessageSid', report.sid],
    ['AccountSid', report.accountSid],
    ['From', `whatsapp:${report.from}`],
    ['ApiVersion', '2010-04-01'],
    ...(report.errorCode === undefined ? [] : ([['ErrorCode', report.errorCode]] as FormEntries)),
  ];
}

/** The parameters of a WhatsApp message from a customer, as Twilio sends them. */
export function inboundEntries(message: {
  from: string;
  to: string;
  body: string;
  accountSid?: string;
  profileName?: string;
  messageSid?: string;
  media?: { url: string; contentType: string }[];
}): FormEntries {
  const media = message.media ?? [];
  const sid = message.messageSid ?? newMessageSid(media.length > 0 ? 'MM' : 'SM');
  return [
    ['SmsMessageSid', sid],
    ['NumMedia', String(media.length)],
    ['ProfileName', message.profileName ?? 'Customer'],
    ['MessageType', media.length > 0 ? 'image' : 'text'],
    ['SmsSid', sid],
    ['WaId', message.from.replace(/^\+/, '')],
    ['SmsStatus', 'received'],
    ['Body', message.body],
    ['To', `whatsapp:${message.to}`],
    ['NumSegments', '1'],
    ['ReferralNumMedia', '0'],
    ['MessageSid', sid],
    ['AccountSid', message.accountSid ?? `AC${'0'.repeat(32)}`],
    ['ChannelMetadata', JSON.stringify({ type: 'whatsapp', data: { context: { ProfileName: message.profileName ?? 'Customer', WaId: message.from.slice(1) } } })],
    ['From', `whatsapp:${message.from}`],
    ...media.flatMap((m, i): FormEntries => [
      [`MediaContentType${i}`, m.contentType],
      [`MediaUrl${i}`, m.url],
    ]),
    ['ApiVersion', '2010-04-01'],
  ];
}
