// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { problemTypes } from '@/api/contract/problem';
import { sessions, users } from '../db/schema';
import { LOCKOUT_AFTER, LOCKOUT_MINUTES } from '@/api/contract/session';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { issueSetupLink, SETUP_LINK_HOURS } from './setup-link';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('pglite');
});
afterAll(() => server.close());

interface Call {
  status: number;
  json: Record<string, unknown>;
  cookie: string | null;
  setCookie: string | null;
}

/** One request with an optional cookie and CSRF token, as a browser of this origin sends it. */
async function call(method: string, path: string, options: { body?: unknown; cookie?: string; csrf?: string; origin?: string } = {}): Promise<Call> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  if (options.origin) headers.origin = options.origin;
  const response = await fetch(`${server.baseUrl}${path}`, { method, headers, body: options.body === undefined ? null : JSON.stringify(options.body) });
  const text = await response.text();
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    setCookie,
    cookie: setCookie ? setCookie.split(';')[0]! : null,
  };
}

async function setUpFirstAdministrator(password = 'a long enough password') {
  const link = await issueSetupLink(server.context.db, server.baseUrl, new Date());
  const token = new URL(link.url).hash.replace('#token=', '');
  return { token, password, response: await call('POST', '/api/setup', { body: { token, name: 'First Admin', email: 'First.Admin@Example.com', password } }) };
}

describe('first administrator through the setup link', () => {
  test('is needed on a fresh server; the link creates the administrator once and signs them in', async () => {
    expect((await call('GET', '/api/setup')).json).toEqual({ needed: true });
    const { token, response } = await setUpFirstAdministrator();
    expect(response.status).toBe(200);
    expect(response.json.user).toMatchObject({ name: 'First Admin', email: 'first.admin@example.com', role: 'admin' });
    expect(response.setCookie).toMatch(/HttpOnly/i);
    expect(response.setCookie).toMatch(/SameSite=Lax/i);
    expect(response.setCookie).not.toMatch(/Secure/i);
    expect((await call('GET', '/api/session', { cookie: response.cookie! })).json.user).toMatchObject({ role: 'admin' });
    expect((await call('GET', '/api/setup')).json).toEqual({ needed: false });

    const again = await call('POST', '/api/setup', { body: { token, name: 'Second', email: 'second@example.com', password: 'another long password' } });
    expect(again.status).toBe(409);
  });

  test('a used, unknown or expired token is refused with setup.linkInvalid', async () => {
    await server.context.db.delete(users);
    const unknown = await call('POST', '/api/setup', { body: { token: 'x'.repeat(43), name: 'A', email: 'a@example.com', password: 'a long enough password' } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual([expect.objectContaining({ path: 'token', code: 'setup.linkInvalid' })]);

    const link = await issueSetupLink(server.context.db, server.baseUrl, new Date());
    const token = new URL(link.url).hash.replace('#token=', '');
    server.setNow(new Date(Date.now() + (SETUP_LINK_HOURS + 1) * 3_600_000));
    const expired = await call('POST', '/api/setup', { body: { token, name: 'A', email: 'a@example.com', password: 'a long enough password' } });
    server.setNow(new Date());
    expect(expired.status).toBe(400);
    await server.context.db.delete(users);
  });
});

describe('signing in and out', () => {
  test('right password: a session whose cookie works; wrong password or unknown email: the same 401', async () => {
    const user = await signedInUser(server, 'admin', 'Signing Admin');
    const ok = await call('POST', '/api/session', { body: { email: user.email, password: user.password } });
    expect(ok.status).toBe(200);
    expect(ok.json.csrfToken).toEqual(expect.any(String));

    const wrong = await call('POST', '/api/session', { body: { email: user.email, password: 'not the password' } });
    const unknown = await call('POST', '/api/session', { body: { email: 'nobody@example.com', password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json.detail).toBe(unknown.json.detail);
    expect(wrong.json.type).toBe(problemTypes.unauthorized);

    const out = await call('DELETE', '/api/session', { cookie: ok.cookie!, csrf: ok.json.csrfToken as string });
    expect(out.status).toBe(204);
    expect((await call('GET', '/api/session', { cookie: ok.cookie! })).status).toBe(401);
  });

  test('a new session id at every sign-in, so a planted cookie gains nothing', async () => {
    const user = await signedInUser(server, 'agent', 'Fixated Agent');
    const first = await call('POST', '/api/session', { body: { email: user.email, password: user.password }, cookie: user.cookie });
    expect(first.cookie).not.toBe(user.cookie);
    expect((await call('GET', '/api/session', { cookie: user.cookie })).status).toBe(401);
  });

  test(`${LOCKOUT_AFTER} wrong passwords lock the account for ${LOCKOUT_MINUTES} minutes, even for the right one`, async () => {
    const user = await signedInUser(server, 'agent', 'Locked Agent');
    for (let attempt = 0; attempt < LOCKOUT_AFTER; attempt++) {
      expect((await call('POST', '/api/session', { body: { email: user.email, password: 'wrong password' } })).status).toBe(401);
    }
    const locked = await call('POST', '/api/session', { body: { email: user.email, password: user.password } });
    expect(locked.status).toBe(429);
    expect(locked.json.detail).toMatch(/Wait \d+ minutes/);
    server.setNow(new Date(Date.now() + (LOCKOUT_MINUTES + 1) * 60_000));
    expect((await call('POST', '/api/session', { body: { email: user.email, password: user.password } })).status).toBe(200);
    server.setNow(new Date());
  });

  test('wrong passwords sent all at once each count', async () => {
    const user = await signedInUser(server, 'agent', 'Raced Agent');
    const guesses = Array.from({ length: LOCKOUT_AFTER }, () => call('POST', '/api/session', { body: { email: user.email, password: 'parallel guess' } }));
    expect((await Promise.all(guesses)).map((r) => r.status)).toEqual(Array(LOCKOUT_AFTER).fill(401));
    expect((await call('POST', '/api/session', { body: { email: user.email, password: user.password } })).status).toBe(429);
  });

  test('a session ends after the idle time', async () => {
    const user = await signedInUser(server, 'agent', 'Idle Agent');
    server.setNow(new Date(Date.now() + 61 * 60_000));
    expect((await call('GET', '/api/session', { cookie: user.cookie })).status).toBe(401);
    server.setNow(new Date());
  });
});

describe('who may do what', () => {
  test('anonymous: 401 on the API; an agent: 403 on configuration, users and the audit log', async () => {
    expect((await call('GET', '/api/whatsapp-accounts')).status).toBe(401);
    const agent = await signedInUser(server, 'agent');
    for (const path of ['/api/whatsapp-accounts', '/api/queues', '/api/workstreams', '/api/users', '/api/audit-events']) {
      const response = await call('GET', path, { cookie: agent.cookie });
      expect(response.status, path).toBe(403);
      expect(response.json.type).toBe(problemTypes.forbidden);
    }
    expect((await call('GET', '/api/session', { cookie: agent.cookie })).status).toBe(200);
  });

  test('changes need the CSRF token of the session and a same-site origin', async () => {
    const admin = await signedInUser(server, 'admin');
    const body = { name: 'Nordics', type: 'messaging', priority: 1, members: [], operatingHours: null };
    expect((await call('POST', '/api/users', { cookie: admin.cookie, body })).status).toBe(403);
    expect((await call('POST', '/api/users', { cookie: admin.cookie, csrf: 'forged', body })).status).toBe(403);
    const crossSite = await call('POST', '/api/users', { cookie: admin.cookie, csrf: admin.csrfToken, origin: 'https://evil.example', body });
    expect(crossSite.status).toBe(403);
    expect(crossSite.json.detail).toMatch(/another site/);
  });
});

describe('revocation', () => {
  test('changing one’s password ends the other sessions and keeps this one', async () => {
    const user = await signedInUser(server, 'agent', 'Changing Agent');
    const other = await call('POST', '/api/session', { body: { email: user.email, password: user.password } });
    const wrong = await call('PUT', '/api/session/password', { cookie: user.cookie, csrf: user.csrfToken, body: { currentPassword: 'nope', newPassword: 'a brand new password' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.errors).toEqual([expect.objectContaining({ path: 'currentPassword', code: 'password.wrong' })]);
    const changed = await call('PUT', '/api/session/password', { cookie: user.cookie, csrf: user.csrfToken, body: { currentPassword: user.password, newPassword: 'a brand new password' } });
    expect(changed.status).toBe(204);
    expect((await call('GET', '/api/session', { cookie: user.cookie })).status).toBe(200);
    expect((await call('GET', '/api/session', { cookie: other.cookie! })).status).toBe(401);
  });

  test('removing a user ends their sessions', async () => {
    const admin = await signedInUser(server, 'admin');
    const agent = await signedInUser(server, 'agent', 'Leaving Agent');
    expect((await call('DELETE', `/api/users/${agent.id}`, { cookie: admin.cookie, csrf: admin.csrfToken })).status).toBe(204);
    expect((await call('GET', '/api/session', { cookie: agent.cookie })).status).toBe(401);
    expect(await server.context.db.select().from(sessions).where(eq(sessions.userId, agent.id))).toEqual([]);
  });

  test('a user demoted to agent is signed out everywhere', async () => {
    const admin = await signedInUser(server, 'admin');
    const other = await signedInUser(server, 'admin', 'Demoted Admin');
    const [row] = await server.context.db.select().from(users).where(eq(users.id, other.id));
    const demoted = await call('PATCH', `/api/users/${other.id}`, { cookie: admin.cookie, csrf: admin.csrfToken, body: { version: row!.version, role: 'agent' } });
    expect(demoted.status).toBe(200);
    expect((await call('GET', '/api/session', { cookie: other.cookie })).status).toBe(401);
  });

  test('renaming a user with their role sent unchanged keeps them signed in', async () => {
    const admin = await signedInUser(server, 'admin');
    const agent = await signedInUser(server, 'agent', 'Renamed Agent');
    const [row] = await server.context.db.select().from(users).where(eq(users.id, agent.id));
    const body = { version: row!.version, name: 'Renamed Agent Again', role: 'agent' };
    expect((await call('PATCH', `/api/users/${agent.id}`, { cookie: admin.cookie, csrf: admin.csrfToken, body })).status).toBe(200);
    expect((await call('GET', '/api/session', { cookie: agent.cookie })).status).toBe(200);
  });
});

describe('rate limit per address', () => {
  test('more sign-in attempts a minute than allowed from one address get 429 with the wait', async () => {
    const limited = await startTestServer('pglite', { signInAttemptsPerMinute: 3 });
    try {
      const attempt = () =>
        fetch(`${limited.baseUrl}/api/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'someone@example.com', password: 'guess' }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const refused = await attempt();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(await refused.json()).toMatchObject({ type: problemTypes.tooManyRequests, detail: expect.stringMatching(/Wait 1 minute/) });
    } finally {
      await limited.close();
    }
  });
});
