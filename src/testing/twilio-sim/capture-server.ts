import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The form parameters, decoded. */
  form: Record<string, string>;
}

/** Test-only: a webhook receiver that records what the simulator posts and answers as told. */
export async function startCaptureServer() {
  const requests: CapturedRequest[] = [];
  const waiters: (() => void)[] = [];
  let answer = { status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        form: Object.fromEntries(new URLSearchParams(body)),
      });
      response.writeHead(answer.status, { 'Content-Type': 'text/xml' });
      response.end(answer.body);
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    answerWith(status: number, body = '') {
      answer = { status, body };
    },
    /** Resolves once `count` requests for `path` (or matching a predicate; any when left out) arrived. */
    async waitFor(count: number, which?: string | ((request: CapturedRequest) => boolean), timeoutMs = 5000): Promise<CapturedRequest[]> {
      const deadline = Date.now() + timeoutMs;
      const wanted = typeof which === 'string' ? (request: CapturedRequest) => request.path === which : (which ?? (() => true));
      const matching = () => requests.filter(wanted);
      while (matching().length < count) {
        if (Date.now() > deadline) throw new Error(`Only ${matching().length} of ${count} requests arrived.`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return matching();
    },
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
