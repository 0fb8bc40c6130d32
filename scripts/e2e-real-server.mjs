// The real server for Playwright: a fresh data directory per run, and the setup link it
// prints kept in a file, where the e2e reads it as a person reads the console.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const port = process.env.E2E_REAL_PORT ?? '4174';
const root = resolve('test-results/real-server');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });

const server = spawn('node', ['scripts/start.mjs'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    PORT: port,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: join(root, 'data'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
});
server.stdout.on('data', (chunk) => {
  const text = String(chunk);
  process.stdout.write(text);
  const link = /https?:\/\/\S+\/setup#token=\S+/.exec(text);
  if (link) writeFileSync(join(root, 'setup-link.txt'), link[0]);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
