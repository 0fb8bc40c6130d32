// @vitest-environment node
import { count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { issueSetupLink, SETUP_LINK_HOURS } from '../../server/auth/setup-link';
import { randomToken, sha256 } from '../../server/crypto/tokens';
import { queues, sessions, setupTokens, users } from '../../server/db/schema';
import { LOCKOUT_AFTER, LOCKOUT_MINUTES } from '@/api/contract/session';
import { byIntensity, intensityTimeout } from '../server/intensity';
import { describeEachDatabase } from '../server/each-database';
import { newSessionFor, signedInUser, startTestServer, type TestDatabaseKind, type TestServer } from '../server/test-server';
import { ask, sessionCookieOf, type SetCookie } from './http-ask';

/** How many browsers race for one setup link, and how often. */
const racers = byIntensity(6, 30);
const raceRounds = byIntensity(1, 3);

const countOf = async (on: TestServer, table: PgTable, where?: SQL) => {
  const [row] = await on.context.db.select({ n: count() }).from(table).where(where);
  return row!.n;
};

/** The server most tests use: plain HTTP, on PGlite; the tests run per database use it last. */
let server: TestServer;
/** HTTPS behind a trusted proxy, as a real deployment; a low sign-in limit per address. */
let secure: TestServer;
/** No proxy trusted; a low sign-in limit per address. */
let direct: TestServer;
let onPostgres: TestServer | null = null;
const LIMIT = 3;
beforeAll(async () => {
  // Started together: each PGlite takes seconds to migrate.
  [server, secure, direct] = await Promise.all([
    startTestServer('pglite'),
    startTestServer('pglite', { publicUrl: 'https://admin.example.test', trustProxy: true, signInAttemptsPerMinute: LIMIT }),
    startTestServer('pglite', { signInAttemptsPerMinute: LIMIT }),
  ]);
}, 90_000);
afterAll(async () => {
  await Promise.all([server?.close(), secure?.close(), direct?.close(), onPostgres?.close()]);
});

/** The plain server on PGlite, or one on PostgreSQL shared by the tests run per database. */
async function serverOn(kind: TestDatabaseKind): Promise<TestServer> {
  if (kind === 'pglite') return server;
  onPostgres ??= await startTestServer(kind);
  return onPostgres;
}

describe('sessions on a plain-HTTP server', () => {
  const signIn = (user: { email: string; password: string }, cookie?: string) => ask(server.baseUrl, 'POST', '/api/session', { body: { email: user.email, password: user.password }, cookie });

  describe('session fixation', () => {
    test('a token planted before sign-in never becomes a session', async () => {
      const user = await signedInUser(server, 'admin', 'Planted Admin');
      const planted = randomToken();
      const signedIn = await signIn(user, `wa_session=${planted}`);
      expect(signedIn.status).toBe(200);
      expect(signedIn.cookies[0]!.value).not.toBe(planted);
      expect((await ask(server.baseUrl, 'GET', '/api/session', { cookie: `wa_session=${planted}` })).status).toBe(401);
      expect(await countOf(server, sessions, eq(sessions.tokenHash, sha256(planted)))).toBe(0);
      expect((await ask(server.baseUrl, 'GET', '/api/session', { cookie: sessionCookieOf(signedIn) })).json.user).toMatchObject({ email: user.email });
    });

    test('an attacker’s own session planted in a browser is ended by the next sign-in there, never raised to the new user', async () => {
      const attacker = await signedInUser(server, 'agent', 'Attacking Agent');
      const victim = await signedInUser(server, 'admin', 'Victim Admin');
      const attackerCookie = sessionCookieOf(await signIn(attacker));
      const victimSignIn = await signIn(victim, attackerCookie);
      expect(victimSignIn.status).toBe(200);
      expect(sessionCookieOf(victimSignIn)).not.toBe(attackerCookie);
      expect((await ask(server.baseUrl, 'GET', '/api/session', { cookie: attackerCookie })).status).toBe(401);
      expect((await ask(server.baseUrl, 'GET', '/api/users', { cookie: attackerCookie })).status).toBe(401);
    });

    test('the session token never travels in a body, and each session has its own CSRF token', async () => {
      const user = await signedInUser(server, 'agent', 'Token Agent');
      const first = await signIn(user);
      const second = await signIn(user);
      const token = first.cookies[0]!.value;
      expect(first.text).not.toContain(token);
      expect(first.json.csrfToken).toEqual(expect.any(String));
      expect(first.json.csrfToken).not.toBe(token);
      expect(second.json.csrfToken).not.toBe(first.json.csrfToken);
      // The CSRF token of one session does not unlock another.
      const withOthersToken = await ask(server.baseUrl, 'PUT', '/api/session/password', {
        cookie: sessionCookieOf(second),
        csrf: first.json.csrfToken as string,
        body: { currentPassword: user.password, newPassword: 'a brand new password' },
      });
      expect(withOthersToken.status).toBe(403);
    });
  });

  test('cookie flags over plain HTTP: HttpOnly, SameSite=Lax, Path=/, no Domain, not Secure; sign-out clears it with the same', async () => {
    const user = await signedInUser(server, 'agent', 'Flag Agent');
    const signedIn = await signIn(user);
    expectSessionCookie(signedIn.cookies, 'wa_session', { secure: false });
    const out = await ask(server.baseUrl, 'DELETE', '/api/session', { cookie: sessionCookieOf(signedIn), csrf: signedIn.json.csrfToken as string });
    expect(out.status).toBe(204);
    expectClearedCookie(out.cookies, 'wa_session', { secure: false });
  });

  test('signing out ends the session on the server: its cookie and CSRF token replayed are refused, other sessions stay', async () => {
    const user = await signedInUser(server, 'admin', 'Leaving Admin');
    const here = await signIn(user);
    const elsewhere = await signIn(user);
    const cookie = sessionCookieOf(here);
    const csrf = here.json.csrfToken as string;
    expect((await ask(server.baseUrl, 'DELETE', '/api/session', { cookie, csrf })).status).toBe(204);
    expect(await countOf(server, sessions, eq(sessions.tokenHash, sha256(here.cookies[0]!.value)))).toBe(0);

    const queuesBefore = await countOf(server, queues);
    expect((await ask(server.baseUrl, 'GET', '/api/session', { cookie })).status).toBe(401);
    expect((await ask(server.baseUrl, 'GET', '/api/users', { cookie })).status).toBe(401);
    const replayedChange = await ask(server.baseUrl, 'POST', '/api/queues', { cookie, csrf, body: { name: 'Replayed', type: 'messaging', priority: 1, memberIds: [], operatingHours: null } });
    expect(replayedChange.status).toBe(401);
    expect(await countOf(server, queues)).toBe(queuesBefore);
    expect((await ask(server.baseUrl, 'GET', '/api/session', { cookie: sessionCookieOf(elsewhere) })).status).toBe(200);
  });

  describe('lockout after wrong passwords', () => {
    test(`the lockout answer says how long to wait in Retry-After (${LOCKOUT_MINUTES} minutes)`, async () => {
      const user = await signedInUser(server, 'agent', 'Waiting Agent');
      for (let i = 0; i < LOCKOUT_AFTER; i++) expect((await signIn({ ...user, password: 'wrong password' })).status).toBe(401);
      const locked = await signIn(user);
      expect(locked.status).toBe(429);
      const wait = Number(locked.headers.get('retry-after'));
      expect(Number.isInteger(wait)).toBe(true);
      expect(wait).toBeGreaterThan((LOCKOUT_MINUTES - 1) * 60);
      expect(wait).toBeLessThanOrEqual(LOCKOUT_MINUTES * 60);
      expect(locked.cookies).toEqual([]);
    });

    test('a right password before the limit starts the count over', async () => {
      const user = await signedInUser(server, 'agent', 'Forgetful Agent');
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < LOCKOUT_AFTER - 1; i++) expect((await signIn({ ...user, password: 'almost' })).status).toBe(401);
        expect((await signIn(user)).status).toBe(200);
      }
    });

    test('one locked account locks no other, and an unknown email is never "locked" (no hint that it exists)', async () => {
      const locked = await signedInUser(server, 'agent', 'Locked Out Agent');
      const other = await signedInUser(server, 'agent', 'Unaffected Agent');
      for (let i = 0; i < LOCKOUT_AFTER; i++) await signIn({ ...locked, password: 'wrong password' });
      expect((await signIn(locked)).status).toBe(429);
      expect((await signIn(other)).status).toBe(200);
      const unknown = { email: 'nobody.at.all@example.test', password: 'wrong password' };
      const answers = [];
      for (let i = 0; i <= LOCKOUT_AFTER; i++) answers.push(await signIn(unknown));
      expect(answers.map((answer) => answer.status)).toEqual(Array(LOCKOUT_AFTER + 1).fill(401));
      expect(new Set(answers.map((answer) => answer.json.detail)).size).toBe(1);
    });
  });
});

describe('an HTTPS server behind a trusted proxy', () => {
  test('the session cookie is __Host-wa_session, Secure, and only that name is read', async () => {
    const link = await issueSetupLink(secure.context.db, secure.context.config.publicUrl, new Date());
    const token = new URL(link.url).hash.replace('#token=', '');
    const setup = await ask(secure.baseUrl, 'POST', '/api/setup', { body: { token, name: 'Secure Admin', email: 'secure.admin@example.test', password: 'a long enough password' } });
    expect(setup.status).toBe(200);
    expectSessionCookie(setup.cookies, '__Host-wa_session', { secure: true });
    expect(setup.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);

    const signedIn = await ask(secure.baseUrl, 'POST', '/api/session', { body: { email: 'secure.admin@example.test', password: 'a long enough password' } });
    expectSessionCookie(signedIn.cookies, '__Host-wa_session', { secure: true });
    const value = signedIn.cookies[0]!.value;
    expect((await ask(secure.baseUrl, 'GET', '/api/session', { cookie: `__Host-wa_session=${value}` })).status).toBe(200);
    // Without the prefix a cookie could have been set by a sibling subdomain or over plain HTTP.
    // Not read at all: the answer is that nobody is signed in.
    expect((await ask(secure.baseUrl, 'GET', '/api/session', { cookie: `wa_session=${value}` })).json).toEqual({ user: null, setupNeeded: false });

    const out = await ask(secure.baseUrl, 'DELETE', '/api/session', { cookie: `__Host-wa_session=${value}`, csrf: signedIn.json.csrfToken as string });
    expect(out.status).toBe(204);
    expectClearedCookie(out.cookies, '__Host-wa_session', { secure: true });
  });

  test('each client address the proxy names has its own sign-in count', async () => {
    const attempt = (address: string) =>
      ask(secure.baseUrl, 'POST', '/api/session', { body: { email: 'someone@example.test', password: 'guess' }, headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < LIMIT; i++) expect((await attempt('198.51.100.1')).status).toBe(401);
    expect((await attempt('198.51.100.1')).status).toBe(429);
    for (let i = 0; i < LIMIT; i++) expect((await attempt('198.51.100.2')).status).toBe(401);
    expect((await attempt('198.51.100.2')).status).toBe(429);
  });
});

describe('sign-in rate limit per address', () => {
  test('past the limit even the right password waits (Retry-After), and a forged X-Forwarded-For does not reset the count', async () => {
    const user = await signedInUser(direct, 'agent', 'Limited Agent');
    const attempt = (password: string, headers?: Record<string, string>) => ask(direct.baseUrl, 'POST', '/api/session', { body: { email: user.email, password }, headers });
    expect((await attempt(user.password)).status).toBe(200);
    for (let i = 1; i < LIMIT; i++) expect((await attempt('wrong')).status).toBe(401);
    const sessionsBefore = await countOf(direct, sessions);
    const refused = await attempt(user.password);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.cookies).toEqual([]);
    expect((await attempt(user.password, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(429);
    expect(await countOf(direct, sessions)).toBe(sessionsBefore);
  });

  test('guessing setup links is limited the same way', async () => {
    const guess = () => ask(direct.baseUrl, 'POST', '/api/setup', { body: { token: randomToken(), name: 'Guesser', email: 'guesser@example.test', password: 'a long enough password' } });
    for (let i = 0; i < LIMIT; i++) expect((await guess()).status).toBe(400);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await countOf(direct, users, eq(users.role, 'admin'))).toBe(0);
  });

  test('changing one’s password through a session is limited too: a borrowed session cannot guess on', async () => {
    const user = await signedInUser(direct, 'agent', 'Borrowed Agent');
    const change = (currentPassword: string) =>
      ask(direct.baseUrl, 'PUT', '/api/session/password', { cookie: user.cookie, csrf: user.csrfToken, body: { currentPassword, newPassword: 'a brand new password' } });
    for (let i = 0; i < LIMIT; i++) expect((await change(`guess ${i}`)).status).toBe(400);
    expect((await change(user.password)).status).toBe(429);
  });
});

describeEachDatabase('password guesses sent all at once (server on %s)', (kind) => {
  test(`get at most ${LOCKOUT_AFTER} verdicts: the rest wait as if locked`, async () => {
    const host = await serverOn(kind);
    const user = await signedInUser(host, 'agent', 'Burst Agent');
    const burst = byIntensity(2, 8) * LOCKOUT_AFTER;
    const signIn = (password: string) => ask(host.baseUrl, 'POST', '/api/session', { body: { email: user.email, password } });
    const guesses = await Promise.all(Array.from({ length: burst }, (_, i) => signIn(`guess number ${i}`)));
    const statuses = guesses.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOCKOUT_AFTER);
    expect(statuses.filter((status) => status === 429)).toHaveLength(burst - LOCKOUT_AFTER);
    expect((await signIn(user.password)).status).toBe(429);
    host.setNow(new Date(Date.now() + (LOCKOUT_MINUTES + 1) * 60_000));
    expect((await signIn(user.password)).status).toBe(200);
    host.setNow(null);
  }, intensityTimeout(30_000, 90_000));
});

describeEachDatabase('the setup link (server on %s)', (kind) => {
  let host: TestServer;
  beforeAll(async () => {
    host = await serverOn(kind);
  }, 60_000);
  beforeEach(async () => {
    host.setNow(null);
    await host.context.db.execute(sql`truncate sessions, setup_tokens, audit_events, users restart identity cascade`);
  });

  const newLink = async (at = new Date()) => new URL((await issueSetupLink(host.context.db, host.context.config.publicUrl, at)).url).hash.replace('#token=', '');
  const setUp = (token: string, who = 'first', cookie?: string) =>
    ask(host.baseUrl, 'POST', '/api/setup', { cookie, body: { token, name: `Admin ${who}`, email: `admin.${who}@example.test`, password: 'a long enough password' } });
  const administrators = () => countOf(host, users, eq(users.role, 'admin'));
  const usedLinks = () => countOf(host, setupTokens, isNotNull(setupTokens.usedAt));

  test(`${racers} browsers using one link at once: exactly one becomes the administrator`, async () => {
    for (let round = 0; round < raceRounds; round++) {
      await host.context.db.execute(sql`truncate sessions, setup_tokens, audit_events, users restart identity cascade`);
      const token = await newLink();
      const answers = await Promise.all(Array.from({ length: racers }, (_, i) => setUp(token, `racer${i}`)));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status !== 200 && status !== 409 && status !== 400)).toEqual([]);
      expect(answers.filter((answer) => answer.cookies.length > 0)).toHaveLength(1);
      expect(await administrators()).toBe(1);
      expect(await countOf(host, users)).toBe(1);
      expect(await usedLinks()).toBe(1);
      expect(await countOf(host, sessions)).toBe(1);
    }
  }, intensityTimeout(30_000, 180_000));

  test(`${racers} different links used at once: still one administrator, the losing links left unused`, async () => {
    const tokens = await Promise.all(Array.from({ length: racers }, () => newLink()));
    const answers = await Promise.all(tokens.map((token, i) => setUp(token, `other${i}`)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(racers - 1).fill(409)]);
    expect(await administrators()).toBe(1);
    expect(await usedLinks()).toBe(1);
    expect(await countOf(host, setupTokens, isNull(setupTokens.usedAt))).toBe(racers - 1);
  }, intensityTimeout(30_000, 120_000));

  test(`a link works until ${SETUP_LINK_HOURS} hours have passed, and not from that moment on`, async () => {
    const issuedAt = new Date();
    const expiresAt = issuedAt.getTime() + SETUP_LINK_HOURS * 3_600_000;
    const late = await newLink(issuedAt);
    for (const at of [expiresAt, expiresAt + 60_000, expiresAt + 30 * 24 * 3_600_000]) {
      host.setNow(new Date(at));
      const refused = await setUp(late);
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([expect.objectContaining({ path: 'token', code: 'setup.linkInvalid' })]);
    }
    expect(await countOf(host, users)).toBe(0);
    expect(await usedLinks()).toBe(0);

    const inTime = await newLink(issuedAt);
    host.setNow(new Date(expiresAt - 60_000));
    expect((await setUp(inTime)).status).toBe(200);
  });

  test('a mistake in the form does not use the link up', async () => {
    const token = await newLink();
    const tooShort = await ask(host.baseUrl, 'POST', '/api/setup', { body: { token, name: 'Admin', email: 'admin@example.test', password: 'short' } });
    expect(tooShort.status).toBe(400);
    expect(await usedLinks()).toBe(0);
    expect((await setUp(token)).status).toBe(200);
    expect((await setUp(token, 'again')).status).toBe(409);
  });

  test('once an administrator exists, a fresh link creates no one and stays unused', async () => {
    const existing = await signedInUser(host, 'admin', 'Existing Admin');
    const token = await newLink();
    const refused = await setUp(token);
    expect(refused.status).toBe(409);
    expect(refused.cookies).toEqual([]);
    expect(await countOf(host, users)).toBe(1);
    expect(await usedLinks()).toBe(0);
    expect((await ask(host.baseUrl, 'GET', '/api/setup')).json).toEqual({ needed: false });
    // Not even an administrator's own session makes a second setup possible.
    expect((await setUp(token, 'second', existing.cookie)).status).toBe(409);
  });

  test('a cookie planted before setup is not the new administrator’s session', async () => {
    const planted = randomToken();
    const attacker = await signedInUser(host, 'agent', 'Early Agent');
    const attackerSession = await newSessionFor(host, attacker.id);
    for (const cookie of [`wa_session=${planted}`, attackerSession.cookie]) {
      await host.context.db.delete(setupTokens);
      await host.context.db.delete(users).where(eq(users.role, 'admin'));
      const done = await setUp(await newLink(), `planted${cookie.length}`, cookie);
      expect(done.status).toBe(200);
      expect(sessionCookieOf(done)).not.toBe(cookie);
      expect((await ask(host.baseUrl, 'GET', '/api/session', { cookie })).json.user ?? null).not.toMatchObject({ role: 'admin' });
    }
    expect((await ask(host.baseUrl, 'GET', '/api/session', { cookie: `wa_session=${planted}` })).status).toBe(401);
  });
});

function expectSessionCookie(cookies: SetCookie[], name: string, { secure }: { secure: boolean }) {
  expect(cookies).toHaveLength(1);
  const [cookie] = cookies as [SetCookie];
  expect(cookie.name).toBe(name);
  expect(cookie.value).toMatch(/^[\w-]{43}$/);
  expect(cookie.attributes.has('httponly')).toBe(true);
  expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
  expect(cookie.attributes.get('path')).toBe('/');
  expect(cookie.attributes.has('domain')).toBe(false);
  expect(cookie.attributes.has('secure')).toBe(secure);
}

function expectClearedCookie(cookies: SetCookie[], name: string, { secure }: { secure: boolean }) {
  expect(cookies).toHaveLength(1);
  const [cookie] = cookies as [SetCookie];
  expect(cookie.name).toBe(name);
  expect(cookie.value).toBe('');
  const expires = cookie.attributes.get('expires');
  expect(cookie.attributes.get('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now())).toBe(true);
  expect(cookie.attributes.get('path')).toBe('/');
  expect(cookie.attributes.has('httponly')).toBe(true);
  expect(cookie.attributes.get('samesite')?.toLowerCase()).toBe('lax');
  expect(cookie.attributes.has('secure')).toBe(secure);
}
