import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  url: string;
  close(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/**
 * Stands between the server and the Twilio simulator and holds the answer to Messages create
 * for `delayMs` after the simulator has accepted the message, as the real API's round trip does.
 * That is the window in which Twilio has a message whose sid the server has not stored yet:
 * a crash test needs it wide enough to land in.
 */
export async function startLatencyProxy(targetUrl: string, delayMs: number): Promise<LatencyProxy> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const headers = new Headers();
      for (const name of ['authorization', 'content-type', 'accept', 'user-agent']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      const answer = await fetch(`${targetUrl}${request.url ?? '/'}`, {
        method: request.method,
        headers,
        body: body.length > 0 ? new Uint8Array(body) : undefined,
        redirect: 'manual',
      });
      const text = Buffer.from(await answer.arrayBuffer());
      if (request.method === 'POST' && /\/Messages\.json$/.test(request.url ?? '')) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const passed: Record<string, string> = {};
      for (const name of ['content-type', 'location']) {
        const value = answer.headers.get(name);
        if (value !== null) passed[name] = value;
      }
      response.writeHead(answer.status, passed);
      response.end(text);
    })().catch(() => {
      // The server was killed while waiting, or the simulator closed: nothing to answer.
      response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
