import { rfc2822 } from '../dates';
import { deliver, withoutChannel } from '../delivery';
import { formRecord, readBody, sendJson, sendTwilioError } from '../http';
import { randomSid } from '../ids';
import { renderTemplate } from '../templates';
import type { SimAccount, SimSentMessage } from '../types';
import { authorizedAccount, sendNotFound, type Route, type RouteContext } from './context';
import { parseE164 } from '@/domain/e164';

const MAX_BODY_CHARACTERS = 1600;

class CreateError {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}
}

export function messageResource(message: SimSentMessage, now: Date): Record<string, unknown> {
  const uri = `/2010-04-01/Accounts/${message.accountSid}/Messages/${message.sid}`;
  const sentAt = message.callbacks.find((callback) => callback.status === 'sent')?.at ?? null;
  return {
    account_sid: message.accountSid,
    api_version: '2010-04-01',
    body: message.body ?? '',
    date_created: rfc2822(message.createdAt),
    date_sent: sentAt ? rfc2822(sentAt) : null,
    date_updated: rfc2822(message.callbacks.at(-1)?.at ?? now),
    direction: 'outbound-api',
    error_code: message.errorCode,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: String(message.mediaUrls.length),
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${uri}/Media.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

/** A whatsapp:+E.164 address, or the Twilio error for it. */
function whatsappAddress(raw: string | null, missing: CreateError, invalid: (value: string) => CreateError): string {
  if (raw === null || raw.trim() === '') throw missing;
  const match = /^whatsapp:(\+\d+)$/.exec(raw.trim());
  if (!match) throw invalid(raw);
  const parsed = parseE164(match[1]!);
  // No country's full numbers are shorter than eight digits with the country code.
  if (!parsed.ok || parsed.value !== match[1] || parsed.value.length < 9) throw invalid(raw);
  return `whatsapp:${parsed.value}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks a Messages create request as Twilio does before it accepts (queues) the message. */
function acceptMessage(account: SimAccount, form: URLSearchParams, now: Date): SimSentMessage {
  const rawTo = form.get('To');
  const rawFrom = form.get('From');
  if ((rawFrom ?? '').startsWith('whatsapp:') && rawTo && !rawTo.startsWith('whatsapp:')) {
    throw new CreateError(21910, 'Invalid From and To pair. From and To should be of the same channel');
  }
  const to = whatsappAddress(rawTo, new CreateError(21604, "A 'To' phone number is required."), (value) => new CreateError(21211, `Invalid 'To' Phone Number: ${value}`));
  const from = whatsappAddress(rawFrom, new CreateError(21603, "A 'From' phone number is required."), (value) => new CreateError(21212, `Invalid From Number (caller ID): ${value}`));
  const sender = withoutChannel(from);
  const allowed = account.senders === null || account.senders.includes(sender) || account.sandbox?.number === sender;
  if (!allowed) throw new CreateError(63007, `Twilio could not find a Channel with the specified From address: ${from}`);

  const body = form.get('Body');
  const contentSid = form.get('ContentSid');
  const mediaUrls = form.getAll('MediaUrl');
  if (!body && !contentSid && mediaUrls.length === 0) throw new CreateError(21619, 'A Message Body, Media URL or Content SID is required');
  if (body && body.length > MAX_BODY_CHARACTERS) throw new CreateError(21617, 'The concatenated message body exceeds the 1600 character limit.');
  if (mediaUrls.some((url) => !isHttpUrl(url))) throw new CreateError(21620, 'Invalid media URL(s).');
  const statusCallback = form.get('StatusCallback');
  if (statusCallback !== null && !isHttpUrl(statusCallback)) throw new CreateError(21609, `Invalid StatusCallback url: ${statusCallback}`);

  let rendered = body;
  let contentVariables: Record<string, string> | null = null;
  if (!contentSid && form.get('ContentVariables') !== null) throw new CreateError(21654, 'ContentSid Required');
  if (contentSid) {
    const template = account.templates.find((candidate) => candidate.sid === contentSid);
    if (!/^HX[0-9a-f]{32}$/i.test(contentSid) || !template) throw new CreateError(21655, 'The ContentSid is Invalid.');
    const rawVariables = form.get('ContentVariables');
    if (rawVariables !== null) {
      try {
        const parsed: unknown = JSON.parse(rawVariables);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        const entries = Object.entries(parsed);
        if (entries.some(([, value]) => value === null || value === '')) throw new Error('empty variable');
        contentVariables = Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
      } catch {
        throw new CreateError(21656, 'The ContentVariables Parameter is invalid.');
      }
    }
    rendered = renderTemplate(template, contentVariables);
  }

  return {
    sid: randomSid(mediaUrls.length > 0 ? 'MM' : 'SM'),
    accountSid: account.accountSid,
    from,
    to,
    body: rendered ?? null,
    contentSid: contentSid || null,
    contentVariables,
    mediaUrls,
    media: [],
    statusCallback,
    status: 'queued',
    errorCode: null,
    callbacks: [],
    createdAt: now,
    params: formRecord(form),
  };
}

async function createMessage(context: RouteContext, match: RegExpExecArray): Promise<void> {
  const account = authorizedAccount(context, decodeURIComponent(match[1]!));
  if (!account) return;
  const form = new URLSearchParams((await readBody(context.request)).toString('utf8'));
  let message: SimSentMessage;
  try {
    message = acceptMessage(account, form, context.state.now());
  } catch (error) {
    if (!(error instanceof CreateError)) throw error;
    sendTwilioError(context.response, 400, error.code, error.message);
    return;
  }
  context.state.sent.push(message);
  context.state.notify();
  sendJson(context.response, 201, messageResource(message, context.state.now()));
  deliver(context.state, context.timers, account, message).catch((error: unknown) => {
    console.error(`twilio-sim: delivery of ${message.sid} stopped:`, error);
  });
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

/** GET …/Messages.json: the account's messages, newest first, filtered by To and From, a page at a time. */
function listMessages(context: RouteContext, match: RegExpExecArray): void {
  const account = authorizedAccount(context, decodeURIComponent(match[1]!));
  if (!account) return;
  const query = context.url.searchParams;
  const pageSize = Number(query.get('PageSize') ?? DEFAULT_PAGE_SIZE);
  const page = Number(query.get('Page') ?? 0);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE || !Number.isInteger(page) || page < 0) {
    sendTwilioError(context.response, 400, 20001, 'Invalid PageSize or Page');
    return;
  }
  const to = query.get('To');
  const from = query.get('From');
  const matching = context.state.sent
    .filter((message) => message.accountSid === account.accountSid && (to === null || message.to === to) && (from === null || message.from === from))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const items = matching.slice(page * pageSize, (page + 1) * pageSize);
  const filters = new URLSearchParams([...(to === null ? [] : [['To', to]]), ...(from === null ? [] : [['From', from]])]);
  const pageUri = (index: number) => {
    const params = new URLSearchParams(filters);
    params.set('PageSize', String(pageSize));
    params.set('Page', String(index));
    if (index > 0) params.set('PageToken', `PT${index}`);
    return `/2010-04-01/Accounts/${account.accountSid}/Messages.json?${params}`;
  };
  const hasNext = (page + 1) * pageSize < matching.length;
  sendJson(context.response, 200, {
    messages: items.map((message) => messageResource(message, context.state.now())),
    start: page * pageSize,
    end: page * pageSize + Math.max(0, items.length - 1),
    page,
    page_size: pageSize,
    uri: pageUri(page),
    first_page_uri: pageUri(0),
    previous_page_uri: page > 0 ? pageUri(page - 1) : null,
    next_page_uri: hasNext ? pageUri(page + 1) : null,
  });
}

export const messageRoutes: Route[] = [
  { method: 'POST', pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/, handle: createMessage },
  { method: 'GET', pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/, handle: listMessages },
  {
    method: 'GET',
    pattern: /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/,
    handle(context, match) {
      const account = authorizedAccount(context, decodeURIComponent(match[1]!));
      if (!account) return;
      const message = context.state.sent.find((candidate) => candidate.sid === match[2] && candidate.accountSid === account.accountSid);
      if (!message) {
        sendNotFound(context);
        return;
      }
      sendJson(context.response, 200, messageResource(message, context.state.now()));
    },
  },
];
