import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { replayInbound, sendInbound } from './customer';
import { BodyTooLargeError, sendTwilioError } from './http';
import { accountRoutes } from './routes/accounts';
import { contentRoutes } from './routes/content';
import type { Route, RouteContext } from './routes/context';
import { controlRoutes } from './routes/control';
import { mediaRoutes } from './routes/media';
import { messageRoutes } from './routes/messages';
import { SimulatorState } from './state';
import { Timers } from './timers';
import type {
  DeliveryOptions,
  SendInboundInput,
  SendInboundResult,
  SimAccount,
  SimAccountOptions,
  SimInboundMessage,
  SimSentMessage,
} from './types';

export interface TwilioSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  accounts?: SimAccountOptions[];
  outOfOrder?: DeliveryOptions['outOfOrder'];
  delaysMs?: Partial<DeliveryOptions['delaysMs']>;
  readReceipts?: boolean;
  /** Authenticated media URLs answer 307 to a CDN-like address, as Twilio does (default true). */
  mediaRedirects?: boolean;
  /** Origin of inbound MediaUrl0…; the simulator's own URL by default (https://api.twilio.com looks real but needs the rewrite). */
  mediaUrlOrigin?: string;
  /** The clock the simulator starts from; advanceTime() moves ahead of it. */
  now?: () => Date;
}

export interface TwilioSimulator {
  /** e.g. http://127.0.0.1:4010, without a trailing slash */
  readonly url: string;
  close(): Promise<void>;
  addAccount(account: SimAccountOptions): SimAccount;
  account(accountSid: string): SimAccount | undefined;
  setInboundUrl(accountSid: string, url: string | null): void;
  sendInbound(input: SendInboundInput): Promise<SendInboundResult>;
  replayInbound(messageSid: string): Promise<SendInboundResult>;
  sentMessages(): SimSentMessage[];
  inboundMessages(): SimInboundMessage[];
  waitForSent(predicate: (message: SimSentMessage) => boolean, timeoutMs?: number): Promise<SimSentMessage>;
  isSandboxMember(accountSid: string, customer: string): boolean;
  setDelivery(options: Partial<Omit<DeliveryOptions, 'delaysMs'>> & { delaysMs?: Partial<DeliveryOptions['delaysMs']> }): void;
  now(): Date;
  advanceTime(ms: number): void;
  reset(): void;
}

const defaultDelays: DeliveryOptions['delaysMs'] = { sent: 300, delivered: 700, read: 1500 };

function matchRoute(routes: Route[], method: string, path: string): { route: Route; match: RegExpExecArray } | 'method' | null {
  let pathMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, match };
    pathMatched = true;
  }
  return pathMatched ? 'method' : null;
}

/** Starts the local Twilio stand-in: REST endpoints, signed callbacks and a simulated WhatsApp customer. */
export async function startTwilioSimulator(options: TwilioSimulatorOptions = {}): Promise<TwilioSimulator> {
  const state = new SimulatorState(options.now ?? (() => new Date()), {
    outOfOrder: options.outOfOrder ?? 'never',
    delaysMs: { ...defaultDelays, ...options.delaysMs },
    readReceipts: options.readReceipts ?? true,
  });
  const timers = new Timers();
  const knownAccounts: SimAccountOptions[] = [...(options.accounts ?? [])];
  for (const account of knownAccounts) state.addAccount(account);
  const routes = [...accountRoutes, ...messageRoutes, ...mediaRoutes, ...contentRoutes, ...controlRoutes];
  let origin = '';
  const mediaOrigin = () => options.mediaUrlOrigin?.replace(/\/$/, '') ?? origin;
  const send = (input: SendInboundInput) => sendInbound(state, mediaOrigin(), input);
  const reset = () => state.reset(knownAccounts);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const found = matchRoute(routes, request.method ?? 'GET', url.pathname);
    if (found === 'method') return sendTwilioError(response, 405, 20004, 'Method not allowed');
    if (!found) return sendTwilioError(response, 404, 20404, `The requested resource ${url.pathname} was not found`);
    const context: RouteContext = { state, timers, origin, mediaOrigin: mediaOrigin(), mediaRedirects: options.mediaRedirects ?? true, request, response, url, sendInbound: send, reset };
    await found.route.handle(context, found.match);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof BodyTooLargeError) return sendTwilioError(response, 413, 20001, 'Request entity too large');
      sendTwilioError(response, 500, 20500, 'Internal Server Error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;

  return {
    url: origin,
    async close() {
      timers.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    addAccount(account) {
      knownAccounts.push(account);
      return state.addAccount(account);
    },
    account: (accountSid) => state.accounts.get(accountSid),
    setInboundUrl(accountSid, url) {
      const account = state.accounts.get(accountSid);
      if (!account) throw new Error(`No simulated account ${accountSid}.`);
      account.inboundUrl = url;
      state.notify();
    },
    sendInbound: send,
    replayInbound: (messageSid) => replayInbound(state, messageSid),
    sentMessages: () => [...state.sent],
    inboundMessages: () => [...state.inbound],
    waitForSent(predicate, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = state.sent.find(predicate);
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`No sent message matched within ${timeoutMs} ms (${state.sent.length} sent).`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          state.changes.off('change', check);
        };
        state.changes.on('change', check);
        check();
      });
    },
    isSandboxMember: (accountSid, customer) => state.isSandboxMember(accountSid, customer.replace(/^whatsapp:/, '')),
    setDelivery(delivery) {
      state.delivery = { ...state.delivery, ...delivery, delaysMs: { ...state.delivery.delaysMs, ...delivery.delaysMs } };
    },
    now: () => state.now(),
    advanceTime: (ms) => state.advanceTime(ms),
    reset,
  };
}
