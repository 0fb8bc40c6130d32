import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the server keeps its data and whom it calls: the same on every restart. */
export interface ServerSetup {
  port: number;
  /** DATA_DIR: the PGlite database, or (with PostgreSQL) only the lock-free data directory. */
  dataDir: string;
  databaseUrl?: string;
  /** APP_SECRET_KEY; without it the server makes a key file in the data directory. */
  secretKey?: string;
  twilioApiBaseUrl: string;
  /** TEST_CLOCK_OFFSET_FILE: milliseconds the server's clock runs ahead. */
  clockOffsetFile?: string;
  /** LOG_LEVEL (default warn). */
  logLevel?: string;
}

/** One run of the real server (`node --import tsx src/server/main.ts`, as `npm start` runs it). */
export interface ServerProcess {
  readonly pid: number;
  readonly publicUrl: string;
  /** stdout and stderr so far. */
  output(): string;
  /** The one-time setup link it printed (first start only). */
  setupLink(): Promise<string>;
  /** SIGKILL: no handler runs, nothing is flushed or released. */
  kill(): Promise<void>;
  /** SIGTERM (the graceful stop) and its exit code. */
  stop(): Promise<number | null>;
}

/** A port of the range that nothing listens on now: a restarted server gets the same one again. */
export async function freePortInRange(first = 4600, last = 4699): Promise<number> {
  const start = first + Math.floor(Math.random() * (last - first + 1));
  for (let n = 0; n <= last - first; n++) {
    const port = first + ((start - first + n) % (last - first + 1));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`No free port in ${first}-${last}`);
}

/** Starts the server and waits until it listens. */
export async function startServerProcess(setup: ServerSetup): Promise<ServerProcess> {
  const launched = launchServerProcess(setup);
  await launched.ready;
  return launched.server;
}

/** Starts the server; `ready` resolves once it listens (a kill before that lands in its start-up). */
export function launchServerProcess(setup: ServerSetup): { server: ServerProcess; ready: Promise<void> } {
  const publicUrl = `http://127.0.0.1:${setup.port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repositoryRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(setup.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: publicUrl,
      DATA_DIR: setup.dataDir,
      DATABASE_URL: setup.databaseUrl ?? '',
      APP_SECRET_KEY: setup.secretKey ?? '',
      APP_SECRET_KEY_PREVIOUS: '',
      TWILIO_API_BASE_URL: setup.twilioApiBaseUrl,
      TEST_CLOCK_OFFSET_FILE: setup.clockOffsetFile ?? '',
      STATIC_DIR: '/nonexistent',
      LOG_LEVEL: setup.logLevel ?? 'warn',
    },
  });
  let printed = '';
  child.stdout.on('data', (chunk) => void (printed += String(chunk)));
  child.stderr.on('data', (chunk) => void (printed += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;

  const waitFor = async <T>(find: () => T | undefined, what: string, timeoutMs = 120_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (!running()) throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before ${what}:\n${printed}`);
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`The server did not show ${what} within ${timeoutMs} ms:\n${printed}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const ready = waitFor(() => (printed.includes('is running at') ? true : undefined), 'that it runs').then(() => undefined);

  const server: ServerProcess = {
    pid: child.pid!,
    publicUrl,
    output: () => printed,
    setupLink: () => waitFor(() => /https?:\/\/\S+\/setup#token=\S+/.exec(printed)?.[0], 'a setup link'),
    async kill() {
      if (running()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!running()) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  return { server, ready };
}
