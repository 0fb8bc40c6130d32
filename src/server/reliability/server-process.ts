import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CSRF_HEADER } from '@/api/contract/session';

/** The real server as `npm start` runs it (without the app build), in a child process. */
export interface ServerProcess {
  publicUrl: string;
  /** Everything it printed, stdout and stderr, so far. */
  output(): string;
  /** The one-time setup link it printed on its first start. */
  setupLink(): Promise<string>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  dataDir: string;
  databaseUrl?: string;
  twilioApiBaseUrl?: string;
  logLevel?: string;
  env?: Record<string, string>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      LOG_LEVEL: options.logLevel ?? 'warn',
      STATIC_DIR: '/nonexistent',
      TWILIO_API_BASE_URL: options.twilioApiBaseUrl ?? '',
      APP_SECRET_KEY: '',
      ...options.env,
    },
  });
  let printed = '';
  child.stdout!.on('data', (chunk) => void (printed += String(chunk)));
  child.stderr!.on('data', (chunk) => void (printed += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const waitFor = async <T>(find: () => T | undefined, what: string, timeoutMs = 90_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before ${what}:\n${printed}`);
      if (Date.now() > deadline) throw new Error(`The server did not show ${what} in ${timeoutMs} ms:\n${printed}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  await waitFor(() => (printed.includes('is running at') ? true : undefined), 'that it runs');

  return {
    publicUrl,
    output: () => printed,
    setupLink: () => waitFor(() => /https?:\/\/\S+\/setup#token=\S+/.exec(printed)?.[0], 'a setup link'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

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
