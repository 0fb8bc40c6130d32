import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { botRequestSchema } from '@/api/contract/bot';
import { BOT_SIGNATURE_HEADER, BOT_TIMESTAMP_HEADER, type BotAnswer } from '@/domain/bot/bot-protocol';
import { menuBotAnswer } from '@/domain/bot/menu-bot';
import { RecentDeliveries } from './recent-deliveries';
import { verifySignature } from './verify';

export const MAX_REQUEST_BYTES = 64 * 1024;

export interface SampleBotOptions {
  /** The shared secret set on the workstream's bot. */
  secret: string;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** From this turn of a conversation on, the bot never answers: proves the admin center's timeout. */
  stallAfterTurn?: number | null;
  log?: (line: string) => void;
}

export interface SampleBot {
  /** e.g. http://127.0.0.1:4020/ */
  readonly url: string;
  close(): Promise<void>;
}

class RequestTooLargeError extends Error {}

async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(response: ServerResponse, status: number, body: BotAnswer | { error: string }, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The sample menu bot over HTTP (docs/bot-api.md): POST / with a signed bot request, answers a bot answer. */
export async function startSampleBot(options: SampleBotOptions): Promise<SampleBot> {
  const log = options.log ?? (() => {});
  const answers = new RecentDeliveries();

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://bot.invalid').pathname;
    if (path !== '/') return sendJson(response, 404, { error: 'Not found: the bot answers at /.' });
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'Only POST.' }, { allow: 'POST' });

    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(request);
    } catch (error) {
      if (!(error instanceof RequestTooLargeError)) throw error;
      response.setHeader('connection', 'close');
      return sendJson(response, 413, { error: `The request is larger than ${MAX_REQUEST_BYTES} bytes.` });
    }

    const check = verifySignature(options.secret, {
      timestampHeader: headerValue(request, BOT_TIMESTAMP_HEADER),
      signatureHeader: headerValue(request, BOT_SIGNATURE_HEADER),
      rawBody,
    });
    if (check !== 'valid') {
      log(`refused a request: signature ${check}`);
      return sendJson(response, 401, { error: `Signature ${check}.` });
    }

    const parsed = botRequestSchema.safeParse(parseJson(rawBody));
    if (!parsed.success) return sendJson(response, 400, { error: 'The body is not a bot request.' });
    const botRequest = parsed.data;

    const earlier = answers.answerGiven(botRequest.deliveryId);
    if (earlier) {
      log(`answered a repeated delivery ${botRequest.deliveryId} as the first time`);
      return sendJson(response, 200, earlier);
    }
    const { id, turn } = botRequest.conversation;
    if (options.stallAfterTurn != null && turn >= options.stallAfterTurn) {
      log(`conversation ${id} turn ${turn}: stalling on purpose (SAMPLE_BOT_STALL_AFTER)`);
      return;
    }
    const answer = menuBotAnswer(botRequest);
    answers.remember(botRequest.deliveryId, answer);
    log(`conversation ${id} turn ${turn}: ${answer.handoff ? `hands over (${String(answer.handoff.variables?.topic)})` : 'menu'}`);
    sendJson(response, 200, answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, { error: 'The bot failed.' });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Stalled requests never end by themselves.
        server.closeAllConnections();
      }),
  };
}
