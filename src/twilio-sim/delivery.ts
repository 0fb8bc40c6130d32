import { postSignedForm } from './signing';
import type { SimulatorState } from './state';
import type { Timers } from './timers';
import type { SimAccount, SimMedia, SimMessageStatus, SimSentMessage } from './types';

const WINDOW_MS = 24 * 60 * 60 * 1000;
const rank: Partial<Record<SimMessageStatus, number>> = { queued: 0, sending: 1, sent: 2, delivered: 3, read: 4 };

export function withoutChannel(address: string): string {
  return address.replace(/^whatsapp:/, '');
}

/** Twilio shows the recipient in callbacks with its last seven digits hidden. */
function maskedAddress(address: string): string {
  const number = withoutChannel(address);
  return number.length > 8 ? number.slice(0, -7) + 'XXXXXXX' : number;
}

function callbackParams(account: SimAccount, message: SimSentMessage, status: SimMessageStatus, errorCode: number | null): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: account.accountSid,
    ApiVersion: '2010-04-01',
    ChannelInstallSid: account.channelInstallSid,
    ChannelPrefix: 'whatsapp',
    ChannelToAddress: maskedAddress(message.to),
    From: message.from,
    MessageSid: message.sid,
    MessageStatus: status,
    SmsSid: message.sid,
    SmsStatus: status,
    StructuredMessage: 'false',
    To: message.to,
  };
  if (errorCode !== null) params.ErrorCode = String(errorCode);
  return params;
}

async function fetchMedia(url: string): Promise<SimMedia | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length === 0) return null;
    return { url, contentType: response.headers.get('content-type') ?? 'application/octet-stream', bytes };
  } catch {
    return null;
  }
}

/** Why WhatsApp would refuse this message, as the error code Twilio reports; null when it goes through. */
async function failureOf(state: SimulatorState, account: SimAccount, message: SimSentMessage): Promise<number | null> {
  const business = withoutChannel(message.from);
  const customer = withoutChannel(message.to);
  if (account.sandbox && business === account.sandbox.number && !state.isSandboxMember(account.accountSid, customer)) return 63015;
  const lastInbound = state.lastInboundAt(account.accountSid, business, customer);
  const inWindow = lastInbound !== null && state.now().getTime() - lastInbound.getTime() <= WINDOW_MS;
  const template = account.templates.find((candidate) => candidate.sid === message.contentSid);
  if (!inWindow && (!template || template.approval !== 'approved')) return 63016;
  for (const url of message.mediaUrls) {
    const media = await fetchMedia(url);
    if (!media) return 63019;
    message.media.push(media);
  }
  return null;
}

function successSequence(state: SimulatorState): SimMessageStatus[] {
  const { outOfOrder, readReceipts } = state.delivery;
  state.deliveredCount += 1;
  const reorder = outOfOrder === 'always' || (outOfOrder === 'sometimes' && state.deliveredCount % 2 === 0);
  if (readReceipts) return reorder ? ['sent', 'read', 'delivered'] : ['sent', 'delivered', 'read'];
  return reorder ? ['delivered', 'sent'] : ['sent', 'delivered'];
}

/** Plays Twilio's part after Messages create: decides the outcome and posts signed status callbacks. */
export async function deliver(state: SimulatorState, timers: Timers, account: SimAccount, message: SimSentMessage): Promise<void> {
  const generation = state.generation;
  const stillRunning = () => !timers.isClosed && state.generation === generation;

  const report = async (status: SimMessageStatus, errorCode: number | null) => {
    if (errorCode !== null || (rank[status] ?? 0) > (rank[message.status] ?? 0)) message.status = status;
    if (errorCode !== null) message.errorCode = errorCode;
    const callback = { status, errorCode, httpStatus: null as number | null, at: state.now() };
    if (message.statusCallback) {
      const answer = await postSignedForm(message.statusCallback, callbackParams(account, message, status, errorCode), account.authToken);
      callback.httpStatus = answer?.status ?? null;
    }
    message.callbacks.push(callback);
    state.notify();
  };

  if (!(await timers.sleep(state.delivery.delaysMs.sent)) || !stillRunning()) return;
  const errorCode = await failureOf(state, account, message);
  if (!stillRunning()) return;
  if (errorCode !== null) {
    await report('failed', errorCode);
    return;
  }
  const sequence = successSequence(state);
  for (const [index, status] of sequence.entries()) {
    if (index > 0) {
      const delay = status === 'sent' ? state.delivery.delaysMs.sent : state.delivery.delaysMs[status as 'delivered' | 'read'];
      if (!(await timers.sleep(delay)) || !stillRunning()) return;
    }
    await report(status, null);
  }
}
