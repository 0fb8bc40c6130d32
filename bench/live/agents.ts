// Agents with the conversation view open: one SSE stream each, in a process of its own so
// that reading thousands of events a second does not slow the load generator down.
import { request } from 'node:http';

const baseUrl = process.env.BENCH_BASE_URL!;
let latenciesMs: number[] = [];
const streams: { destroy(): void }[] = [];

/** The live-path bench writes the send time (process.hrtime, shared by processes of a machine) into the body. */
function onEvent(data: string): void {
  const event = JSON.parse(data) as { type: string; message?: { body?: string } };
  const sent = event.type === 'message' ? /^live:(\d+)/.exec(event.message?.body ?? '') : null;
  if (sent) latenciesMs.push(Number(process.hrtime.bigint() - BigInt(sent[1]!)) / 1e6);
}

function connect(cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/api/events`, { headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`events: ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          for (const line of frame.split('\n')) if (line.startsWith('data: ')) onEvent(line.slice(6));
        }
      });
      streams.push(response);
      resolve();
    });
    req.on('error', reject);
    req.end();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

process.on('message', (message: { type: string; cookies?: string[] }) => {
  if (message.type === 'connect') {
    void Promise.all((message.cookies ?? []).map(connect)).then(
      () => process.send?.({ type: 'connected' }),
      (error: unknown) => process.send?.({ type: 'connected', error: String(error) }),
    );
  } else if (message.type === 'stats') {
    const sorted = latenciesMs.sort((a, b) => a - b);
    process.send?.({ type: 'stats', received: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 });
    latenciesMs = [];
  } else if (message.type === 'disconnect') {
    for (const stream of streams.splice(0)) stream.destroy();
    process.send?.({ type: 'disconnected' });
  } else if (message.type === 'stop') {
    for (const stream of streams.splice(0)) stream.destroy();
    process.exit(0);
  }
});
process.send?.({ type: 'ready' });
