import autocannon from 'autocannon';
import type { SignedWebhook } from './signed-webhooks';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Socket errors, timeouts and answers other than 200. */
  errors: number;
  /** MessageSids the server answered 200 for. */
  acknowledged: Set<string>;
}

export interface LoadOptions {
  baseUrl: string;
  path: string;
  webhooks: SignedWebhook[];
  connections: number;
  seconds: number;
  /** Requests per second over all connections; unset: as fast as the server answers. */
  rate?: number;
}

/** Posts the webhooks in order, each at most once, for at most `seconds`. */
export async function postWebhooks(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const acknowledged = new Set<string>();
  // autocannon ignores `duration` when given an amount: the run is stopped when the webhooks run out.
  const run = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    pipelining: 1,
    duration: options.seconds,
    timeout: 10,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: options.path,
        setupRequest: (request, context) => {
          if (next === options.webhooks.length - 1) setImmediate(() => run.stop());
          const webhook = options.webhooks[Math.min(next++, options.webhooks.length - 1)]!;
          context.sid = webhook.sid;
          return {
            ...request,
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': webhook.signature },
            body: webhook.body,
          };
        },
        onResponse: (status, _body, context) => {
          if (status === 200) acknowledged.add(context.sid as string);
        },
      },
    ],
  });
  const result = await run;
  return {
    requestsPerSecond: result.requests.total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    acknowledged,
  };
}
