import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSRF_HEADER } from '@/api/contract/session';
import type { ServerProcess } from './server-process';

/** Asks again until `probe` finds something (work after a 200 happens in the background). */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type ServerApi = Awaited<ReturnType<typeof serverApi>>;

/**
 * What a person does on a fresh install: the first administrator through the printed setup link.
 * Then the API as that browser calls it (session cookie, CSRF token); every answer is kept.
 */
export async function serverApi(server: ServerProcess, admin = { name: 'First Admin', email: 'first.admin@example.test' }) {
  const responses: string[] = [];
  const keep = async (response: Response) => {
    const text = await response.clone().text();
    responses.push(`${response.status} ${[...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')}\n${text}`);
    return text;
  };
  const token = new URL(await server.setupLink()).hash.replace('#token=', '');
  const setup = await fetch(`${server.publicUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, ...admin, password: 'a long enough password for the first admin' }),
  });
  const text = await keep(setup);
  if (!setup.ok) throw new Error(`Setup: ${setup.status} ${text}`);
  const { csrfToken } = JSON.parse(text) as { csrfToken: string };
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;

  /** fetch as the administrator; the answer is kept too. */
  const fetchAs: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    headers.set(CSRF_HEADER, csrfToken);
    const response = await fetch(input, { ...init, headers });
    await keep(response);
    return response;
  };
  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const response = await fetchAs(`${server.publicUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, text: await response.text() };
  }
  return {
    fetch: fetchAs,
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
