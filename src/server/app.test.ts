// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { API_BODY_LIMIT } from './app';
import { signedInUser, startTestServer, type TestServer } from '../testing/server/test-server';

let server: TestServer;
let admin: Awaited<ReturnType<typeof signedInUser>>;
beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'spa-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
  server = await startTestServer('pglite', { staticDir });
  admin = await signedInUser(server, 'admin');
});
afterAll(() => server.close());

const post = (path: string, body: string, contentType: string | null = 'application/json') =>
  admin.fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });

describe('bad requests are problem details, never a 500', () => {
  test('a body over the limit is 413', async () => {
    const response = await post('/api/whatsapp-accounts', JSON.stringify({ name: 'x'.repeat(API_BODY_LIMIT) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: problemTypes.payloadTooLarge, status: 413 });
  });

  test('a body that is not JSON is 415', async () => {
    const response = await post('/api/whatsapp-accounts', 'name=Acme', 'application/x-www-form-urlencoded');
    expect(response.status).toBe(415);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  test('an unknown API path is a 404 problem; any other path loads the app', async () => {
    const api = await admin.fetch(`${server.baseUrl}/api/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ type: problemTypes.notFound });
    const page = await fetch(`${server.baseUrl}/workstreams/123/routing`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  test('every response names its request id; security headers are set', async () => {
    const response = await fetch(`${server.baseUrl}/api/session`);
    expect(response.headers.get('x-request-id')).toMatch(/\S+/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await fetch(`${server.baseUrl}/`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('health', () => {
  test('/healthz answers; /readyz asks the database', async () => {
    expect(await (await fetch(`${server.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
  });
});

describe('graceful shutdown', () => {
  test('a request in flight finishes; new connections are refused after close', async () => {
    let arrived!: () => void;
    const inHandler = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const other = await startTestServer('pglite', {}, (app) => {
      app.get('/slow-probe', { config: { access: 'public' } }, async () => {
        arrived();
        await released;
        return { finished: true };
      });
    });
    const inFlight = fetch(`${other.baseUrl}/slow-probe`);
    await inHandler;
    const closing = other.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${other.baseUrl}/healthz`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ finished: true });
    await closing;
  });
});
