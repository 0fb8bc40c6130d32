import { createHmac } from 'node:crypto';
import { BOT_API_VERSION, BOT_SIGNATURE_HEADER, BOT_TIMESTAMP_HEADER, BOT_TIMEOUT_MS, type BotRequest, type HandoffReason } from '@/domain/bot/bot-protocol';

/** What a bot said, unread: the status and the body as text. */
export type BotReply = { kind: 'replied'; status: number; text: string } | { kind: 'failed'; reason: HandoffReason; detail: string };

export interface DeliveryFacts {
  deliveryId: string;
  conversation: { id: string; workstreamId: string; language: string; botTurns: number; customerPhone: string; profileName: string | null; contextVariables: Record<string, string> };
  message: { id: string; body: string; media: { id: string; contentType: string }[] };
}

/** The JSON a bot receives for one customer message; the turn counts the bot's answers so far plus this one. */
export function botRequestOf({ deliveryId, conversation, message }: DeliveryFacts): BotRequest {
  return {
    version: BOT_API_VERSION,
    deliveryId,
    conversation: { id: conversation.id, workstreamId: conversation.workstreamId, language: conversation.language, turn: conversation.botTurns + 1 },
    customer: { phone: conversation.customerPhone, name: conversation.profileName },
    message: { id: message.id, text: message.body, media: message.media },
    contextVariables: conversation.contextVariables,
  };
}

/** "sha256=" and the hex HMAC-SHA256 of `${timestamp}.${body}` under the shared secret (docs/bot-api.md). */
export function botSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Why a request never got an answer, in words that carry neither the secret nor the customer's text. */
function failureOf(error: unknown, timeoutMs: number): BotReply {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'failed', reason: 'timeout', detail: `no answer within ${timeoutMs / 1000} s` };
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return { kind: 'failed', reason: 'unreachable', detail: `could not connect${code}` };
}

/** Far more than five messages of 1,600 characters: a bot sending more is broken, and must not fill our memory. */
const MAX_ANSWER_BYTES = 256 * 1024;

/** The body as text, or null once it grows past MAX_ANSWER_BYTES (the rest is not read). */
async function boundedText(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    // Leaving the loop cancels the stream: the rest is never read.
    if (size > MAX_ANSWER_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * POSTs one delivery to the bot, signed, and reads its answer within the time limit (body
 * included). Redirects are not followed: the signed request goes to the address that was set.
 */
export async function postToBot(
  options: { fetch: typeof fetch; url: string; secret: string; now: Date; timeoutMs?: number },
  request: BotRequest,
): Promise<BotReply> {
  const timeoutMs = options.timeoutMs ?? BOT_TIMEOUT_MS;
  const body = JSON.stringify(request);
  const timestamp = Math.floor(options.now.getTime() / 1000);
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [BOT_TIMESTAMP_HEADER]: String(timestamp),
        [BOT_SIGNATURE_HEADER]: botSignature(options.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await boundedText(response);
    if (text === null) return { kind: 'failed', reason: 'malformed', detail: `the answer is larger than ${MAX_ANSWER_BYTES / 1024} KiB` };
    return { kind: 'replied', status: response.status, text };
  } catch (error) {
    return failureOf(error, timeoutMs);
  }
}
