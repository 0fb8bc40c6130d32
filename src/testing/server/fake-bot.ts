import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotRequest } from '@/domain/bot/bot-protocol';
import { menuBotAnswer } from '@/domain/bot/menu-bot';

/** How the fake bot answers: the sample menu, too slowly, with an error, with something that is not JSON, always the menu, or `fixedAnswer`. */
export type FakeBotBehaviour = 'menu' | 'slow' | 'error' | 'notJson' | 'menuOnly' | 'fixed';

export interface ReceivedBotRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: BotRequest;
}

export interface FakeBot {
  url: string;
  behaviour: FakeBotBehaviour;
  fixedAnswer: unknown;
  received: ReceivedBotRequest[];
  close(): Promise<void>;
}

const SLOW_MS = 6_000;

/** A workstream's bot on an ephemeral port of 127.0.0.1 (plain HTTP, allowed for this machine). */
export async function startFakeBot(): Promise<FakeBot> {
  const bot: FakeBot = { url: '', behaviour: 'menu', fixedAnswer: {}, received: [], close: async () => undefined };
  const pending = new Set<NodeJS.Timeout>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(rawBody) as BotRequest;
      bot.received.push({ headers: request.headers, rawBody, body });
      const answer = (status: number, text: string) => response.writeHead(status, { 'content-type': 'application/json' }).end(text);
      switch (bot.behaviour) {
        case 'menu':
          return answer(200, JSON.stringify(menuBotAnswer(body)));
        case 'menuOnly':
          return answer(200, JSON.stringify({ messages: [{ text: 'Please choose from the menu.' }] }));
        case 'fixed':
          return answer(200, JSON.stringify(bot.fixedAnswer));
        case 'error':
          return answer(500, '{"error":"boom"}');
        case 'notJson':
          return answer(200, '<html>not a bot</html>');
        case 'slow': {
          const timer = setTimeout(() => {
            pending.delete(timer);
            answer(200, JSON.stringify(menuBotAnswer(body)));
          }, SLOW_MS);
          pending.add(timer);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  bot.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`;
  bot.close = () =>
    new Promise<void>((resolve) => {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return bot;
}
