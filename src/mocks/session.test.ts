import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { PROBLEM_CONTENT_TYPE, problemTypes, type FieldError, type Problem } from '@/api/contract/problem';
import { sessionSchema, type PasswordChangeInput, type Session, type SessionAnswer, type SetupInput, type SignInInput } from '@/api/contract/session';
import { createTestBackend } from './node';
import { DEMO_PASSWORD, DEMO_SETUP_TOKEN, demoIds } from './seed';

/*
 * The demo's session and setup handlers over HTTP. (The api client may not be imported
 * here; a shared API scenario suite for the real server would be its place.)
 */
const backend = createTestBackend('empty');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => backend.server.close());
beforeEach(() => backend.db.reset());
afterEach(() => vi.useRealTimers());

class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status() {
    return this.problem.status;
  }
  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${location.origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    throw new ApiError(JSON.parse(text) as Problem);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

const api = {
  session: {
    get: () => call<SessionAnswer>('GET', '/api/session'),
    signIn: (input: SignInInput) => call<Session>('POST', '/api/session', input),
    signOut: () => call<void>('DELETE', '/api/session'),
    changePassword: (input: PasswordChangeInput) => call<void>('PUT', '/api/session/password', input),
  },
  setup: {
    status: () => call<{ needed: boolean }>('GET', '/api/setup'),
    complete: (input: SetupInput) => call<Session>('POST', '/api/setup', input),
  },
  list: (resource: string) => call<unknown>('GET', `/api/${resource}`),
};

const admin = { email: 'aino.admin@demo.test', password: DEMO_PASSWORD };
const agent = { email: 'eero.agent@demo.test', password: DEMO_PASSWORD };

async function failure(request: Promise<unknown>): Promise<ApiError> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('Expected the request to fail');
}

const fieldCodes = (error: ApiError) => error.fieldErrors.map((e) => `${e.path} ${e.code}`);

describe('the session', () => {
  test('a session whose user is gone answers 401 once, then that nobody is signed in', async () => {
    backend.db.write((draft) => {
      draft.users = draft.users.filter((u) => u.id !== demoIds.adminUser);
    });
    expect((await failure(api.session.get())).problem).toMatchObject({ type: problemTypes.unauthorized, status: 401 });
    expect(await api.session.get()).toEqual({ user: null, setupNeeded: true });
  });

  test('every seed starts signed in as the demo administrator', async () => {
    const session = sessionSchema.parse(await api.session.get());
    expect(session.user).toEqual({ id: demoIds.adminUser, name: 'Aino Admin', email: admin.email, role: 'admin', presence: 'available' });
    expect(session.csrfToken).not.toBe('');
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
  });

  test('signing out ends it: the session answers that nobody is signed in, every resource answers 401', async () => {
    await api.session.signOut();
    expect(await api.session.get()).toEqual({ user: null, setupNeeded: false });
    expect((await failure(api.list('queues'))).status).toBe(401);
    expect((await failure(api.session.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'a'.repeat(12) }))).status).toBe(401);
    // Signing out twice is no error.
    await api.session.signOut();
  });

  test('an agent signs in and is refused every configuration API with 403', async () => {
    await api.session.signOut();
    const session = await api.session.signIn({ email: '  Eero.Agent@Demo.TEST ', password: DEMO_PASSWORD });
    expect(session.user).toMatchObject({ id: demoIds.agentUser, role: 'agent' });
    expect((await api.session.get()).user?.id).toBe(demoIds.agentUser);
    for (const resource of ['whatsapp-accounts', 'workstreams', 'queues', 'users', 'audit-events']) {
      expect((await failure(api.list(resource))).problem).toMatchObject({ type: problemTypes.forbidden, status: 403 });
    }
    expect(backend.db.data.users.find((u) => u.id === demoIds.agentUser)?.lastSignInAt).not.toBeNull();
  });

  test('a wrong password and an unknown email get the same 401, and nothing changes', async () => {
    await api.session.signOut();
    const wrongPassword = await failure(api.session.signIn({ ...admin, password: 'not-the-password' }));
    const unknownEmail = await failure(api.session.signIn({ email: 'nobody@demo.test', password: DEMO_PASSWORD }));
    for (const error of [wrongPassword, unknownEmail]) {
      expect(error.problem).toMatchObject({ type: problemTypes.unauthorized, status: 401, detail: 'The email or password is not right.' });
    }
    expect(backend.db.data.session.userId).toBeNull();
  });

  test('an empty form is a validation problem, not a wrong password', async () => {
    const error = await failure(api.session.signIn({ email: '', password: '' }));
    expect(error.status).toBe(400);
    expect(fieldCodes(error).sort()).toEqual(['email email.required', 'password password.required']);
  });

  test('after five wrong passwords in a row the account must wait, even with the right password, until the lock ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 5; i += 1) expect((await failure(api.session.signIn({ ...agent, password: 'wrong' }))).status).toBe(401);

    const refused = await failure(api.session.signIn(agent));
    expect(refused.problem).toMatchObject({ type: problemTypes.tooManyRequests, status: 429, detail: 'Too many wrong passwords for this account. Wait 15 minutes and try again, or ask an administrator to set a new password.' });
    // Another address is not held up.
    expect((await api.session.signIn(admin)).user.role).toBe('admin');

    vi.setSystemTime(Date.now() + 15 * 60 * 1000);
    expect((await api.session.signIn(agent)).user.role).toBe('agent');
  });
});

describe('changing one’s own password', () => {
  test('a wrong current password is an error on that field', async () => {
    const error = await failure(api.session.changePassword({ currentPassword: 'wrong', newPassword: 'a long new password' }));
    expect(error.status).toBe(400);
    expect(fieldCodes(error)).toEqual(['currentPassword password.wrong']);
  });

  test('a short new password is an error on that field', async () => {
    const error = await failure(api.session.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'short' }));
    expect(fieldCodes(error)).toEqual(['newPassword password.tooShort']);
  });

  test('the new password works from then on, the old one does not', async () => {
    await api.session.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'a long new password' });
    expect((await api.session.get()).user?.id).toBe(demoIds.adminUser);
    await api.session.signOut();
    expect((await failure(api.session.signIn(admin))).status).toBe(401);
    expect((await api.session.signIn({ ...admin, password: 'a long new password' })).user.id).toBe(demoIds.adminUser);
  });
});

describe('the first administrator', () => {
  const firstAdmin = { token: DEMO_SETUP_TOKEN, name: 'First Admin', email: 'First@Example.com', password: 'a long first password' };

  function withoutAdministrator() {
    backend.db.write((draft) => {
      draft.users = draft.users.filter((u) => u.role !== 'admin');
      draft.session.userId = null;
    });
  }

  test('is not needed while an administrator exists, and setup then answers 409', async () => {
    expect(await api.setup.status()).toEqual({ needed: false });
    expect((await failure(api.setup.complete(firstAdmin))).problem).toMatchObject({ type: problemTypes.conflict, status: 409 });
  });

  test('a wrong or missing token is refused on the token field', async () => {
    withoutAdministrator();
    expect(await api.setup.status()).toEqual({ needed: true });
    expect(fieldCodes(await failure(api.setup.complete({ ...firstAdmin, token: 'used-or-expired' })))).toEqual(['token setup.linkInvalid']);
    expect(fieldCodes(await failure(api.setup.complete({ ...firstAdmin, token: '' })))).toEqual(['token setup.linkInvalid']);
  });

  test('is created and signed in with the right token', async () => {
    withoutAdministrator();
    const session = await api.setup.complete(firstAdmin);
    expect(session.user).toMatchObject({ name: 'First Admin', email: 'first@example.com', role: 'admin' });
    expect((await api.session.get()).user?.id).toBe(session.user.id);
    expect(await api.setup.status()).toEqual({ needed: false });
  });

  test('may not take the email address of an existing user', async () => {
    withoutAdministrator();
    const error = await failure(api.setup.complete({ ...firstAdmin, email: agent.email }));
    expect(error.status).toBe(409);
    expect(fieldCodes(error)).toEqual(['email email.taken']);
  });
});
