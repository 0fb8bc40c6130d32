import { randomBytes } from 'node:crypto';
import { randomSid } from './ids';
import { postSignedForm } from './signing';
import type { SimulatorState } from './state';
import type { SendInboundInput, SendInboundResult, SimAccount, SimInboundMedia, SimInboundMessage } from './types';
import { parseE164 } from '@/domain/e164';

export class SimulatorInputError extends Error {
  override name = 'SimulatorInputError';
}

function e164(raw: string, what: string): string {
  const parsed = parseE164(raw);
  if (!parsed.ok) throw new SimulatorInputError(`The ${what} number "${raw}" is not a phone number in E.164 form.`);
  return parsed.value;
}

function messageType(media: SimInboundMedia[]): string {
  const type = media[0]?.contentType ?? '';
  if (!type) return 'text';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('audio/')) return 'audio';
  if (type.startsWith('video/')) return 'video';
  return 'document';
}

/** The form Twilio POSTs to "WHEN A MESSAGE COMES IN" for a WhatsApp message. */
function webhookParams(account: SimAccount, message: Omit<SimInboundMessage, 'params' | 'url' | 'forwarded' | 'responseStatus' | 'sandboxReply' | 'sentAt'>): Record<string, string> {
  const waId = message.from.slice(1);
  const params: Record<string, string> = {
    SmsMessageSid: message.messageSid,
    NumMedia: String(message.media.length),
    ProfileName: message.profileName,
    MessageType: messageType(message.media),
    SmsSid: message.messageSid,
    WaId: waId,
    SmsStatus: 'received',
    Body: message.body,
    To: `whatsapp:${message.to}`,
    NumSegments: '1',
    ReferralNumMedia: '0',
    MessageSid: message.messageSid,
    AccountSid: account.accountSid,
    ChannelMetadata: JSON.stringify({ type: 'whatsapp', data: { context: { ProfileName: message.profileName, WaId: waId } } }),
    From: `whatsapp:${message.from}`,
    ApiVersion: '2010-04-01',
  };
  message.media.forEach((media, index) => {
    params[`MediaContentType${index}`] = media.contentType;
    params[`MediaUrl${index}`] = media.url;
  });
  return params;
}

/** What Twilio's sandbox does with a message to its number before anything is forwarded. */
function sandboxAnswer(state: SimulatorState, account: SimAccount, customer: string, body: string): { reply: string; keep: boolean } | null {
  const sandbox = account.sandbox;
  if (!sandbox) return null;
  const join = /^\s*join\s+(\S.*?)\s*$/i.exec(body);
  if (join) {
    if (join[1]!.toLowerCase() !== sandbox.joinCode.toLowerCase()) {
      return { keep: true, reply: 'Twilio Sandbox: ⚠️ That code is not valid for this sandbox. Check the join code in the console and try again.' };
    }
    state.joinSandbox(account.accountSid, customer);
    return {
      keep: true,
      reply: `Twilio Sandbox: ✅ You are all set! The sandbox can now send/receive messages from whatsapp:${sandbox.number}. Reply stop to leave the sandbox any time.`,
    };
  }
  if (/^\s*stop\s*$/i.test(body) && state.isSandboxMember(account.accountSid, customer)) {
    state.leaveSandbox(account.accountSid, customer);
    return { keep: true, reply: 'You have left the sandbox. To join again, send the join code.' };
  }
  if (!state.isSandboxMember(account.accountSid, customer)) {
    return { keep: true, reply: 'You are not connected to a sandbox. You need to connect it first by sending join <sandbox name>.' };
  }
  return null;
}

/**
 * The simulated customer writes on WhatsApp: Twilio stores any media, answers sandbox
 * commands itself, and otherwise POSTs the signed webhook to the account's inbound URL.
 */
export async function sendInbound(state: SimulatorState, mediaOrigin: string, input: SendInboundInput): Promise<SendInboundResult> {
  const account = state.accounts.get(input.accountSid);
  if (!account) throw new SimulatorInputError(`No simulated account ${input.accountSid}.`);
  const from = e164(input.from, 'customer');
  const to = e164(input.to, 'business');
  const body = input.body ?? '';
  const mediaInput = input.media ?? [];
  if (body === '' && mediaInput.length === 0) throw new SimulatorInputError('A customer message needs a body or media.');
  const messageSid = input.messageSid ?? randomSid(mediaInput.length > 0 ? 'MM' : 'SM');
  const media = mediaInput.map((item): SimInboundMedia => {
    const sid = randomSid('ME');
    const bytes = Buffer.from(item.bytes);
    state.media.set(sid, { accountSid: account.accountSid, messageSid, contentType: item.contentType, bytes, redirectToken: randomBytes(24).toString('hex') });
    return { sid, url: `${mediaOrigin}/2010-04-01/Accounts/${account.accountSid}/Messages/${messageSid}/Media/${sid}`, contentType: item.contentType, bytes };
  });
  const draft = { messageSid, accountSid: account.accountSid, from, to, body, profileName: input.profileName ?? 'Simulated customer', media };

  const sandbox = account.sandbox && to === account.sandbox.number ? sandboxAnswer(state, account, from, body) : null;
  if (sandbox) {
    // The join opens the conversation window as any message from the customer does.
    if (state.isSandboxMember(account.accountSid, from)) state.noteInbound(account.accountSid, to, from);
    const kept: SimInboundMessage = { ...draft, params: {}, url: null, forwarded: false, responseStatus: null, sandboxReply: sandbox.reply, sentAt: state.now() };
    state.inbound.push(kept);
    state.notify();
    return { status: null, messageSid, forwarded: false, sandboxReply: sandbox.reply, responseBody: '' };
  }

  if (!account.inboundUrl) throw new SimulatorInputError('The account has no inbound URL ("WHEN A MESSAGE COMES IN") yet.');
  state.noteInbound(account.accountSid, to, from);
  return forward(state, account, { ...draft, params: webhookParams(account, draft) });
}

/** Sends a message the customer sent before once more, with the same MessageSid and parameters. */
export async function replayInbound(state: SimulatorState, messageSid: string): Promise<SendInboundResult> {
  const original = [...state.inbound].reverse().find((message) => message.messageSid === messageSid && message.forwarded);
  if (!original) throw new SimulatorInputError(`No forwarded customer message ${messageSid} to replay.`);
  const account = state.accounts.get(original.accountSid);
  if (!account?.inboundUrl) throw new SimulatorInputError('The account has no inbound URL ("WHEN A MESSAGE COMES IN") yet.');
  return forward(state, account, original);
}

async function forward(
  state: SimulatorState,
  account: SimAccount & { inboundUrl: string | null },
  message: Pick<SimInboundMessage, 'messageSid' | 'accountSid' | 'from' | 'to' | 'body' | 'profileName' | 'media' | 'params'>,
): Promise<SendInboundResult> {
  const url = account.inboundUrl!;
  const record: SimInboundMessage = { ...message, url, forwarded: true, responseStatus: null, sandboxReply: null, sentAt: state.now() };
  state.inbound.push(record);
  const answer = await postSignedForm(url, message.params, account.authToken);
  record.responseStatus = answer?.status ?? null;
  state.notify();
  return { status: record.responseStatus, messageSid: message.messageSid, forwarded: true, sandboxReply: null, responseBody: answer?.body ?? '' };
}
