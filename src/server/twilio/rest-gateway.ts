import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { MAX_MEDIA_BYTES } from '@/domain/media-rules';
import { TwilioRequestError, type TwilioContent, type TwilioCredentials, type TwilioGateway } from './gateway';

/** Twilio's own hosts: api.twilio.com, content.twilio.com, and their regional variants. */
const TWILIO_HOST = /^https:\/\/([a-z0-9-]+\.)*twilio\.com(?=[/?#]|$)/i;

/** How long one call may take; the outbox worker's lease on a row is longer than this. */
export const TWILIO_TIMEOUT_MS = 20_000;

const MAX_REDIRECTS = 5;

export interface TwilioGatewayOptions {
  /** The local simulator's address: every call to Twilio's hosts goes there instead. */
  baseUrl?: string;
  timeoutMs?: number;
}

/** The address a call goes to: unchanged for the real Twilio, on the simulator when one is set. */
export function twilioUrl(url: string, baseUrl: string | undefined): string {
  return baseUrl ? url.replace(TWILIO_HOST, baseUrl.replace(/\/+$/, '')) : url;
}

/** The official client's HTTP layer, pointed at the simulator when a base URL is set. */
class RedirectableRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string | undefined,
    timeout: number,
  ) {
    super({ timeout, keepAlive: true });
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request({ ...options, uri: twilioUrl(options.uri, this.baseUrl) });
  }
}

interface RestFailure {
  status: number;
  code?: number | string;
  message?: string;
}

function isRestFailure(error: unknown): error is RestFailure {
  return error instanceof twilio.RestException || (typeof error === 'object' && error !== null && typeof (error as RestFailure).status === 'number' && 'moreInfo' in error);
}

/** Failures before anything was sent (no connection, no address, no trusted TLS): Twilio certainly did not get the request. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);
const isNotSent = (code: string) => NOT_SENT_CODES.has(code) || code.startsWith('CERT_') || code.startsWith('ERR_TLS_') || code.includes('SELF_SIGNED');

/** The network error code of a failure: axios copies Node's; fetch keeps it in `cause`; several addresses tried give an AggregateError. */
function networkCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (cause !== undefined) return networkCode(cause);
  if (Array.isArray(errors) && errors.length > 0) return networkCode(errors[0]);
  return null;
}

/** A failure of any call as a TwilioRequestError whose message never carries the token. */
export function toRequestError(error: unknown, what: string, credentials: TwilioCredentials): TwilioRequestError {
  const scrub = (text: string) => (credentials.authToken ? text.split(credentials.authToken).join('***') : text);
  if (error instanceof TwilioRequestError) return new TwilioRequestError(scrub(error.message), error.status, error.code, error.ambiguous);
  if (isRestFailure(error)) {
    const code = error.code === undefined || error.code === null ? null : String(error.code);
    const said = error.message ? `: ${scrub(error.message)}` : '';
    return new TwilioRequestError(`Twilio answered ${error.status}${code ? ` (error ${code})` : ''} to ${what}${said}`, error.status, code);
  }
  const code = networkCode(error);
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  if (code !== null && isNotSent(code)) return new TwilioRequestError(`Twilio could not be reached to ${what} (${scrub(reason)}).`, 0, null);
  // A timeout, a connection cut after the request went out, or anything not known to come before sending.
  return new TwilioRequestError(`Twilio did not answer the request to ${what} (${scrub(reason)}).`, 0, null, true);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The WhatsApp approval of a content: ContentAndApprovals has it flat, the approval fetch under "whatsapp". */
function whatsappApproval(approvalRequests: unknown): Record<string, unknown> {
  if (typeof approvalRequests !== 'object' || approvalRequests === null) return {};
  const nested = (approvalRequests as Record<string, unknown>).whatsapp;
  return (typeof nested === 'object' && nested !== null ? nested : approvalRequests) as Record<string, unknown>;
}

export function toTwilioContent(item: {
  sid: string;
  friendlyName: string | null;
  language: string | null;
  types: Record<string, object> | null;
  variables: Record<string, object> | null;
  approvalRequests: Record<string, object> | null;
}): TwilioContent {
  const textType = item.types?.['twilio/text'] as { body?: unknown } | undefined;
  const approval = whatsappApproval(item.approvalRequests);
  return {
    sid: item.sid,
    friendlyName: item.friendlyName ?? item.sid,
    language: item.language ?? '',
    body: typeof textType?.body === 'string' ? textType.body : null,
    variables: Object.fromEntries(Object.entries(item.variables ?? {}).map(([key, value]) => [key, String(value)])),
    approvalStatus: text(approval.status)?.toLowerCase() ?? null,
    rejectionReason: text(approval.rejection_reason),
    category: text(approval.category)?.toLowerCase() ?? null,
  };
}

async function readCapped(response: Response, limit: number, credentials: TwilioCredentials): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = () => toRequestError(new TwilioRequestError(`The attachment is larger than ${limit} bytes.`, 413, null), 'download an attachment', credentials);
  if (declared > limit) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > limit) throw tooLarge();
      chunks.push(Buffer.from(chunk));
    }
  }
  return Buffer.concat(chunks);
}

/** The official `twilio` client behind the gateway; `baseUrl` points it at the local simulator. */
export function createTwilioGateway(options: TwilioGatewayOptions): TwilioGateway {
  const timeoutMs = options.timeoutMs ?? TWILIO_TIMEOUT_MS;
  const httpClient = new RedirectableRequestClient(options.baseUrl, timeoutMs);
  const clientFor = (credentials: TwilioCredentials) =>
    // env: {} keeps TWILIO_* variables of the process (region, edge, log level) out of these calls.
    twilio(credentials.accountSid, credentials.authToken, { httpClient, env: {}, accountSid: credentials.accountSid });

  /** Twilio's API origins get the credentials; any other host a redirect leads to does not. */
  const apiOrigins = new Set(['https://api.twilio.com', ...(options.baseUrl ? [new URL(options.baseUrl).origin] : [])]);

  return {
    async fetchAccount(credentials) {
      try {
        const account = await clientFor(credentials).api.v2010.accounts(credentials.accountSid).fetch();
        return { friendlyName: account.friendlyName, status: account.status };
      } catch (error) {
        throw toRequestError(error, 'check the credentials', credentials);
      }
    },

    async sendMessage(credentials, message) {
      try {
        const sent = await clientFor(credentials).messages.create({
          from: message.from,
          to: message.to,
          statusCallback: message.statusCallback,
          ...(message.body !== undefined && message.body !== '' ? { body: message.body } : {}),
          ...(message.contentSid ? { contentSid: message.contentSid } : {}),
          ...(message.contentVariables ? { contentVariables: message.contentVariables } : {}),
          ...(message.mediaUrl && message.mediaUrl.length > 0 ? { mediaUrl: message.mediaUrl } : {}),
        });
        return { sid: sent.sid, status: sent.status };
      } catch (error) {
        throw toRequestError(error, 'send a message', credentials);
      }
    },

    async listSentMessages(credentials, query) {
      try {
        const found = await clientFor(credentials).messages.list({ from: query.from, to: query.to, limit: query.limit, pageSize: query.limit });
        return found.map((message) => ({ sid: message.sid, body: message.body ?? '', numMedia: Number(message.numMedia ?? 0), createdAt: message.dateCreated }));
      } catch (error) {
        throw toRequestError(error, 'look up sent messages', credentials);
      }
    },

    async listContents(credentials) {
      try {
        const items = await clientFor(credentials).content.v1.contentAndApprovals.list({ pageSize: 500 });
        return items.map(toTwilioContent);
      } catch (error) {
        throw toRequestError(error, 'list the content templates', credentials);
      }
    },

    async fetchMedia(credentials, url) {
      let target = twilioUrl(url, options.baseUrl);
      const basic = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;
      try {
        for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
          const headers: Record<string, string> = apiOrigins.has(new URL(target).origin) ? { authorization: basic } : {};
          const response = await fetch(target, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
          const location = response.headers.get('location');
          if (response.status >= 300 && response.status < 400 && location) {
            await response.body?.cancel();
            target = twilioUrl(new URL(location, target).toString(), options.baseUrl);
            continue;
          }
          if (!response.ok) {
            const body = (await response.json().catch(() => null)) as { code?: number; message?: string } | null;
            throw toRequestError({ status: response.status, code: body?.code, message: body?.message, moreInfo: null }, 'download an attachment', credentials);
          }
          const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
          return { contentType, body: await readCapped(response, MAX_MEDIA_BYTES, credentials) };
        }
        throw new TwilioRequestError('Twilio redirected the attachment download too many times.', 502, null);
      } catch (error) {
        throw toRequestError(error, 'download an attachment', credentials);
      }
    },
  };
}
