import { describe, expect, test, type TestContext } from 'vitest';
import { problemSchema, problemTypes } from '@/api/contract/problem';
import { accountLockedBody, wrongCredentialsDetail } from '@/api/contract/problem-bodies';
import { CSRF_HEADER, LOCKOUT_AFTER, LOCKOUT_MINUTES, sessionSchema, type Session } from '@/api/contract/session';
import type { UserCreateInput } from '@/api/contract/user';
import { parseJson, scenarioHarness, skipBecause, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

/**
 * The behaviour of /api/session (sign-in, sign-out, lockout, password change, CSRF) the UI
 * relies on. A scenario that needs two browsers at once (other sessions, CSRF refusals)
 * runs only on a backend that holds many sessions, and says so when skipped: the mock
 * holds the demo browser's one session (docs/decisions/0020-mock-and-server-parity.md).
 * Run it against every backend (see src/mocks/handlers/session.scenarios.test.ts).
 */
export function describeSessionScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`session API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem, send } = harness;
    const session = () => harness.client.session;

    function needs(context: TestContext, ...capabilities: ('newBrowser' | 'advanceTime')[]) {
      const missing = capabilities.filter((capability) => backend[capability] === undefined);
      if (missing.length > 0) skipBecause(context, `the backend cannot ${missing.join(' or ')}`);
    }

    /** An agent with a known password, created by the signed-in administrator. */
    async function newAgent(overrides: Partial<UserCreateInput> = {}) {
      const serial = harness.serial();
      const input = { name: `Agent ${serial}`, email: `agent.${serial}@contoso.example`, role: 'agent' as const, password: PASSWORD, ...overrides };
      const user = await harness.client.users.create(input);
      return { ...user, password: input.password };
    }

    async function signInAs(email: string, password: string) {
      await session().signOut();
      return session().signIn({ email, password });
    }

    /** A second browser on the same backend, with helpers that send JSON and read problems. */
    function secondBrowser() {
      const browserFetch = backend.newBrowser!();
      let csrfToken: string | null = null;
      const call = async (method: string, path: string, options: { body?: unknown; csrf?: string | null } = {}) => {
        const headers: Record<string, string> = { accept: 'application/json' };
        if (options.body !== undefined) headers['content-type'] = 'application/json';
        const token = options.csrf === undefined ? csrfToken : options.csrf;
        if (token) headers[CSRF_HEADER] = token;
        const response = await browserFetch(`${backend.baseUrl}${path}`, {
          method,
          headers,
          body: options.body === undefined ? null : JSON.stringify(options.body),
        });
        const json = parseJson(await response.text());
        if (!response.ok) expect(problemSchema.parse(json).status, `${method} ${path}`).toBe(response.status);
        return { status: response.status, json };
      };
      return {
        call,
        async signIn(email: string, password: string): Promise<Session> {
          const answer = await call('POST', '/api/session', { body: { email, password } });
          expect(answer.status).toBe(200);
          const signedIn = sessionSchema.parse(answer.json);
          csrfToken = signedIn.csrfToken;
          return signedIn;
        },
      };
    }

    // ---- who is signed in ------------------------------------------------------------------

    describe('the session', () => {
      test('answers the signed-in user, a CSRF token and when it ends; the token stays while the session does', async () => {
        const first = sessionSchema.parse(await session().get());
        expect(first.user.role).toBe('admin');
        expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now());
        expect(sessionSchema.parse(await session().get()).csrfToken).toBe(first.csrfToken);
      });

      test('without a session the answer is 200, not an error: nobody is signed in, and whether the first administrator is still to be created', async () => {
        await session().signOut();
        const answer = await send('GET', '/api/session', { contentType: null });
        expect(answer.status).toBe(200);
        expect(parseJson(answer.text)).toEqual({ user: null, setupNeeded: false });
        await expect(session().get()).resolves.toEqual({ user: null, setupNeeded: false });
      });
    });

    // ---- signing in and out ------------------------------------------------------------------

    describe('signing in and out', () => {
      test('an address is found whatever its case and spaces; the answer is the session of that user', async () => {
        const agent = await newAgent({ email: 'Sam.Taylor@Contoso.example' });
        const signedIn = await signInAs('  SAM.TAYLOR@contoso.EXAMPLE ', PASSWORD);
        expect(signedIn.user).toEqual({ id: agent.id, name: agent.name, email: 'sam.taylor@contoso.example', role: 'agent', presence: 'available' });
        await expect(session().get()).resolves.toMatchObject({ user: signedIn.user, csrfToken: signedIn.csrfToken });
      });

      test('a wrong password and an unknown address get the same 401 answer', async () => {
        const agent = await newAgent();
        await session().signOut();
        const wrong = await failure(session().signIn({ email: agent.email, password: 'not the password' }));
        const unknown = await failure(session().signIn({ email: 'nobody@contoso.example', password: PASSWORD }));
        expectProblem(wrong, 401, problemTypes.unauthorized);
        expect(wrong.problem.detail).toBe(wrongCredentialsDetail);
        expect(unknown.problem).toEqual(wrong.problem);
      });

      test('an empty form is a validation problem, not a wrong password', async () => {
        await session().signOut();
        const error = await failure(session().signIn({ email: ' ', password: '' }));
        expectProblem(error, 400, problemTypes.validation);
        expect(fieldCodes(error)).toEqual(['email email.required', 'password password.required']);
      });

      test('signing out answers 204 and ends the session; signing out again is no error', async () => {
        const out = await send('DELETE', '/api/session', { contentType: null });
        expect(out.status).toBe(204);
        expect(out.text).toBe('');
        await expect(session().get()).resolves.toEqual({ user: null, setupNeeded: false });
        expectProblem(await failure(harness.client.queues.list()), 401, problemTypes.unauthorized);
        expect((await send('DELETE', '/api/session', { contentType: null })).status).toBe(204);
      });
    });

    // ---- lockout -------------------------------------------------------------------------------

    describe('lockout', () => {
      test(`${LOCKOUT_AFTER} wrong passwords in a row lock the account for ${LOCKOUT_MINUTES} minutes, even for the right password`, async (context) => {
        needs(context, 'advanceTime');
        const agent = await newAgent();
        const other = await newAgent();
        await session().signOut();
        for (let attempt = 0; attempt < LOCKOUT_AFTER; attempt++) {
          expectProblem(await failure(session().signIn({ email: agent.email, password: `guess ${attempt}` })), 401, problemTypes.unauthorized);
        }

        const locked = await send('POST', '/api/session', { body: JSON.stringify({ email: agent.email, password: PASSWORD }) });
        expect(locked.status).toBe(429);
        const wait = Number(locked.headers.get('retry-after'));
        expect(wait).toBeGreaterThan(LOCKOUT_MINUTES * 60 - 30);
        expect(wait).toBeLessThanOrEqual(LOCKOUT_MINUTES * 60);
        expect(locked.json).toEqual(accountLockedBody(wait));

        // Another account is not held up.
        await expect(session().signIn({ email: other.email, password: PASSWORD })).resolves.toMatchObject({ user: { id: other.id } });

        await backend.advanceTime!(LOCKOUT_MINUTES * 60_000 + 1_000);
        await expect(signInAs(agent.email, PASSWORD)).resolves.toMatchObject({ user: { id: agent.id } });
      });

      test('the count is of wrong passwords in a row: a right one starts it again', async () => {
        const agent = await newAgent();
        await session().signOut();
        for (let round = 0; round < 2; round++) {
          for (let attempt = 1; attempt < LOCKOUT_AFTER; attempt++) {
            expect((await failure(session().signIn({ email: agent.email, password: 'wrong' }))).status).toBe(401);
          }
          await expect(session().signIn({ email: agent.email, password: PASSWORD })).resolves.toMatchObject({ user: { id: agent.id } });
          await session().signOut();
        }
      });

      test('an unknown address is never locked: it gets the wrong-credentials answer every time', async () => {
        await session().signOut();
        for (let attempt = 0; attempt < LOCKOUT_AFTER * 2; attempt++) {
          const error = await failure(session().signIn({ email: 'nobody.here@contoso.example', password: `guess ${attempt}` }));
          expectProblem(error, 401, problemTypes.unauthorized);
          expect(error.problem.detail).toBe(wrongCredentialsDetail);
        }
      });
    });

    // ---- changing one's own password ---------------------------------------------------------------

    describe('changing one’s own password', () => {
      test('a wrong current password or a short new one is refused on its field, and nothing changes', async () => {
        const agent = await newAgent();
        await signInAs(agent.email, PASSWORD);
        const wrong = await failure(session().changePassword({ currentPassword: 'not it', newPassword: NEW_PASSWORD }));
        expectProblem(wrong, 400, problemTypes.validation);
        expect(fieldCodes(wrong)).toEqual(['currentPassword password.wrong']);
        expect(fieldCodes(await failure(session().changePassword({ currentPassword: PASSWORD, newPassword: 'short' })))).toEqual([
          'newPassword password.tooShort',
        ]);
        await expect(signInAs(agent.email, PASSWORD)).resolves.toMatchObject({ user: { id: agent.id } });
      });

      test('answers 204; this session stays, and from now on only the new password signs in', async () => {
        const agent = await newAgent();
        await signInAs(agent.email, PASSWORD);
        const changed = await send('PUT', '/api/session/password', { body: JSON.stringify({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }) });
        expect(changed.status).toBe(204);
        expect(changed.text).toBe('');
        await expect(session().get()).resolves.toMatchObject({ user: { id: agent.id } });

        await session().signOut();
        expectProblem(await failure(session().signIn({ email: agent.email, password: PASSWORD })), 401, problemTypes.unauthorized);
        await expect(session().signIn({ email: agent.email, password: NEW_PASSWORD })).resolves.toMatchObject({ user: { id: agent.id } });
      });

      test('the user’s other sessions end', async (context) => {
        needs(context, 'newBrowser');
        const agent = await newAgent();
        const phone = secondBrowser();
        await phone.signIn(agent.email, PASSWORD);
        expect((await phone.call('GET', '/api/session')).status).toBe(200);

        await signInAs(agent.email, PASSWORD);
        await session().changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });

        const after = await phone.call('GET', '/api/session');
        expect(after.status).toBe(401);
        expect(after.json).toMatchObject({ type: problemTypes.unauthorized });
        // The ended session is said once: its cookie went with that answer.
        expect(await phone.call('GET', '/api/session')).toEqual({ status: 200, json: { user: null, setupNeeded: false } });
        await expect(session().get()).resolves.toMatchObject({ user: { id: agent.id } });
      });
    });

    // ---- CSRF ---------------------------------------------------------------------------------

    describe('CSRF', () => {
      test('a change without the session’s token, or with another session’s, is refused (403); with its own, it goes through', async (context) => {
        needs(context, 'newBrowser');
        const agent = await newAgent();
        const other = secondBrowser();
        const signedIn = await other.signIn(agent.email, PASSWORD);

        for (const csrf of [null, 'not-the-token', sessionSchema.parse(await session().get()).csrfToken]) {
          const refused = await other.call('PUT', '/api/session/password', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, csrf });
          expect(refused.status, `token ${csrf}`).toBe(403);
          expect(refused.json).toMatchObject({ type: problemTypes.forbidden });
        }
        // Reading needs no token; the session survived every refusal and the password is unchanged.
        expect((await other.call('GET', '/api/session', { csrf: null })).status).toBe(200);
        await expect(signInAs(agent.email, PASSWORD)).resolves.toMatchObject({ user: { id: agent.id } });
        const changed = await other.call('PUT', '/api/session/password', { body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }, csrf: signedIn.csrfToken });
        expect(changed.status).toBe(204);
      });
    });
  });
}
