import { replayInbound, SimulatorInputError } from '../customer';
import { readBody, sendJson } from '../http';
import { page } from '../page';
import { sampleAttachments, type SampleAttachment } from '../samples';
import type { SimInboundMessage, SimSentMessage } from '../types';
import type { Route, RouteContext } from './context';

/** JSON bodies only: a form on another site cannot send one without a CORS preflight we never allow. */
async function jsonBody(context: RouteContext): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(context.request.headers['content-type'] ?? '')) {
    throw new SimulatorInputError('Send JSON (Content-Type: application/json).');
  }
  const text = (await readBody(context.request)).toString('utf8');
  const parsed: unknown = text === '' ? {} : JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SimulatorInputError('Send a JSON object.');
  return parsed as Record<string, unknown>;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new SimulatorInputError(`${name} must be a string.`);
  return value;
}

function requiredString(body: Record<string, unknown>, name: string): string {
  const value = optionalString(body, name);
  if (value === undefined) throw new SimulatorInputError(`${name} is required.`);
  return value;
}

function sentSummary(message: SimSentMessage) {
  const { params: _params, media, ...rest } = message;
  return { ...rest, media: media.map(({ url, contentType, bytes }) => ({ url, contentType, size: bytes.length })) };
}

function inboundSummary(message: SimInboundMessage) {
  const { params: _params, media, ...rest } = message;
  return { ...rest, media: media.map(({ sid, url, contentType, bytes }) => ({ sid, url, contentType, size: bytes.length })) };
}

function stateView(context: RouteContext) {
  const { state } = context;
  return {
    now: state.now().toISOString(),
    delivery: state.delivery,
    accounts: [...state.accounts.values()].map((account) => ({
      accountSid: account.accountSid,
      friendlyName: account.friendlyName,
      inboundUrl: account.inboundUrl,
      sandbox: account.sandbox,
    })),
  };
}

async function handled(context: RouteContext, work: () => Promise<unknown> | unknown): Promise<void> {
  try {
    sendJson(context.response, 200, await work());
  } catch (error) {
    if (error instanceof SimulatorInputError || error instanceof SyntaxError) {
      sendJson(context.response, 400, { error: error.message });
      return;
    }
    throw error;
  }
}

export const controlRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/$/,
    handle(context) {
      const html = page();
      context.response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
      context.response.end(html);
    },
  },
  { method: 'GET', pattern: /^\/_sim\/state$/, handle: (context) => handled(context, () => stateView(context)) },
  {
    method: 'GET',
    pattern: /^\/_sim\/messages$/,
    handle: (context) =>
      handled(context, () => ({
        now: context.state.now().toISOString(),
        sent: context.state.sent.map(sentSummary),
        inbound: context.state.inbound.map(inboundSummary),
      })),
  },
  {
    method: 'PUT',
    pattern: /^\/_sim\/accounts\/([^/]+)\/inbound-url$/,
    handle: (context, match) =>
      handled(context, async () => {
        const body = await jsonBody(context);
        const account = context.state.accounts.get(decodeURIComponent(match[1]!));
        if (!account) throw new SimulatorInputError('No such simulated account.');
        const url = optionalString(body, 'url') ?? null;
        if (url !== null && !/^https?:\/\/[^\s]+$/.test(url)) throw new SimulatorInputError('The inbound URL must be an http or https URL.');
        account.inboundUrl = url;
        context.state.notify();
        return stateView(context);
      }),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/inbound$/,
    handle: (context) =>
      handled(context, async () => {
        const body = await jsonBody(context);
        const attachment = optionalString(body, 'attachment');
        if (attachment !== undefined && !Object.hasOwn(sampleAttachments, attachment)) throw new SimulatorInputError('attachment is "image" or "pdf".');
        const sample = attachment ? sampleAttachments[attachment as SampleAttachment] : null;
        return context.sendInbound({
          accountSid: requiredString(body, 'accountSid'),
          from: requiredString(body, 'from'),
          to: requiredString(body, 'to'),
          body: optionalString(body, 'body'),
          profileName: optionalString(body, 'profileName'),
          messageSid: optionalString(body, 'messageSid'),
          media: sample ? [{ contentType: sample.contentType, bytes: sample.bytes() }] : undefined,
        });
      }),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/replay$/,
    handle: (context) => handled(context, async () => replayInbound(context.state, requiredString(await jsonBody(context), 'messageSid'))),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/clock$/,
    handle: (context) =>
      handled(context, async () => {
        const advanceMs = (await jsonBody(context)).advanceMs;
        if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) throw new SimulatorInputError('advanceMs is a number of milliseconds, 0 or more.');
        context.state.advanceTime(advanceMs);
        return { now: context.state.now().toISOString() };
      }),
  },
  {
    method: 'POST',
    pattern: /^\/_sim\/reset$/,
    handle: (context) =>
      handled(context, async () => {
        await jsonBody(context);
        context.reset();
        return stateView(context);
      }),
  },
];
