import type { Server } from 'node:http';

/** What a bench server tells the bench once it listens. */
export interface ReadyMessage {
  type: 'ready';
  port: number;
  /** The product server: the channel it set up to receive webhooks. */
  channel?: { accountId: string; authToken: string; number: string; agentCookies?: string[] };
}

/** The bench asks how many of the acknowledged MessageSids are stored, and how many more than once. */
export interface StatsAnswer {
  type: 'stats';
  found: number;
  duplicated: number;
  /** Webhooks acknowledged but still waiting in the journal when asked. */
  pending?: number;
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** The token the baselines check signatures with (the product server uses its channel's own). */
export function benchToken(): string {
  const token = process.env.BENCH_AUTH_TOKEN;
  if (!token) throw new Error('BENCH_AUTH_TOKEN is not set');
  return token;
}

export function announceReady(server: Server, channel?: ReadyMessage['channel']): void {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.send?.({ type: 'ready', port, channel } satisfies ReadyMessage);
}

/** Answers the bench's questions over IPC until it says stop. */
export function onStats(count: (sids: string[]) => Promise<Omit<StatsAnswer, 'type'>>, close: () => Promise<void>): void {
  process.on('message', (message: { type: string; sids?: string[] }) => {
    if (message.type === 'stats') {
      void count(message.sids ?? []).then((answer) => process.send?.({ type: 'stats', ...answer } satisfies StatsAnswer));
    } else if (message.type === 'stop') {
      void close().finally(() => process.exit(0));
    }
  });
}
