import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_HEADER } from '@/api/contract/session';
import type { ServerProcess } from './server-process';

/** The first administrator through the setup link, then the API as that browser calls it; every answer is kept. */
export async function serverApi(server: ServerProcess) {
  const responses: string[] = [];
  const keep = async (response: Response) => {
    const text = await response.text();
    responses.push(`${response.status} ${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${text}`);
    return text;
  };
  const token = new URL(await server.setupLink()).hash.replace('#token=', '');
  const setup = await fetch(`${server.publicUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name: 'Marker Admin', email: 'marker.admin@example.test', password: 'a long enough password' }),
  });
  const session = JSON.parse(await keep(setup)) as { csrfToken: string };
  if (!setup.ok) throw new Error(`Setup failed: ${setup.status}`);
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { cookie, [CSRF_HEADER]: session.csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.publicUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, text: await keep(response) };
  }
  return {
    call,
    async json<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
      const { status, text } = await call(method, path, body);
      if (status >= 400) throw new Error(`${method} ${path}: ${status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    /** A request as Twilio sends it: a form, no session. */
    async raw(method: string, path: string, form: string, headers: Record<string, string>) {
      const response = await fetch(`${server.publicUrl}${path}`, { method, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form });
      return { status: response.status, text: await keep(response) };
    },
    /** Asks again until `probe` finds something (work after a 200 happens in the background). */
    async eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await probe();
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error('Nothing found in time.');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    responses: () => responses,
  };
}

/** Files under `dir` whose bytes contain `text`. */
export function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text);
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (readFileSync(path).includes(needle)) found.push(path);
  }
  return found;
}
