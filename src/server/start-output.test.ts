// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { freePortInRange, startServerProcess, type ServerProcess } from '../testing/reliability/server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'start-output-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('at the default log level, the setup link is the last thing `npm start` printed, requests add nothing', { timeout: 150_000 }, async () => {
  const port = await freePortInRange();
  server = await startServerProcess({ port, dataDir, twilioApiBaseUrl: 'http://127.0.0.1:9', logLevel: 'info' });
  const link = await server.setupLink();
  for (const path of ['/api/session', '/api/setup', '/healthz', '/api/whatsapp-accounts', '/api/nothing-here']) {
    await fetch(`${server.publicUrl}${path}`);
  }
  // Lines a request would log are written when it is answered: give them a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));

  const lines = server.output().split('\n').map((line) => line.trim()).filter(Boolean);
  expect(lines.filter((line) => line.startsWith('{')), 'JSON log lines').toEqual([]);
  // A library's deprecation notice (Fastify's FSTDEP…) would be printed on every start too.
  expect(lines.filter((line) => /Warning|Deprecation|FSTDEP/.test(line)), 'warnings').toEqual([]);
  expect(lines.at(-1)).toBe(link);
});
