import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  accountLockedBody,
  administratorExistsDetail,
  conflictBody,
  forbiddenBody,
  unauthorizedBody,
  validationProblemBody,
  wrongCredentialsDetail,
} from '@/api/contract/problem-bodies';
import {
  LOCKOUT_AFTER,
  LOCKOUT_MINUTES,
  passwordChangeInputSchema,
  setupInputSchema,
  signInInputSchema,
  type AnonymousSession,
  type Session,
} from '@/api/contract/session';
import type { MockDb, StoredUser } from '../db';
import { newId } from '../ids';
import { fieldError, problem, readJson, validationProblem } from '../problem-responses';
import { DEMO_SETUP_TOKEN } from '../seed';
import { recordAudit } from '../audit';
import { userValidationMessages } from '@/domain/validation/users';
import { DEFAULT_USER_CAPACITY } from '@/domain/work-distribution/capacity';

const SESSION_HOURS = 12;
const LOCKOUT_MS = LOCKOUT_MINUTES * 60_000;

/** Everything but sign-in and setup needs a session; channel configuration needs an administrator. */
const PUBLIC_PATHS = ['/api/session', '/api/setup'];
const ADMIN_PREFIXES = ['/api/whatsapp-accounts', '/api/workstreams', '/api/queues', '/api/users', '/api/audit-events'];

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
/** Agents read an account's templates: outside the 24-hour window a template is all they may send. */
const AGENT_READABLE = /^\/api\/whatsapp-accounts\/[^/]+\/templates$/;

/**
 * The demo's session: one per browser, kept with the data so that a reload stays signed in.
 * The CSRF token is handed out as the server does but not checked: no other site can send
 * requests through this page's service worker.
 */
export function sessionHandlers(db: MockDb, now: () => Date = () => new Date()): HttpHandler[] {
  const csrfToken = newId();
  /** Wrong passwords in a row per user, as the server counts them; an unknown address is never locked. */
  const lockouts = new Map<string, { failures: number; lockedUntil: number | null }>();

  const signedInUser = (): StoredUser | undefined => {
    const { userId } = db.data.session;
    return userId === null ? undefined : db.data.users.find((u) => u.id === userId);
  };

  const hasAdministrator = () => db.data.users.some((u) => u.role === 'admin');

  const toSession = (user: StoredUser): Session => ({
    user: { id: user.id, name: user.name, email: user.email, role: user.role, presence: user.presence },
    csrfToken,
    expiresAt: new Date(now().getTime() + SESSION_HOURS * 3600 * 1000).toISOString(),
  });

  /** Seconds until the user may try again, or 0 when they may try now (a lock that is over starts a new count). */
  const waitSeconds = (userId: string): number => {
    const state = lockouts.get(userId);
    if (state?.lockedUntil == null) return 0;
    const left = state.lockedUntil - now().getTime();
    if (left > 0) return Math.max(1, Math.ceil(left / 1000));
    lockouts.delete(userId);
    return 0;
  };

  const countWrongPassword = (userId: string) => {
    const state = lockouts.get(userId) ?? { failures: 0, lockedUntil: null };
    state.failures += 1;
    if (state.failures >= LOCKOUT_AFTER) state.lockedUntil = now().getTime() + LOCKOUT_MS;
    lockouts.set(userId, state);
  };

  const signIn = (userId: string) =>
    db.write((draft) => {
      const user = draft.users.find((u) => u.id === userId)!;
      user.lastSignInAt = now().toISOString();
      draft.session.userId = user.id;
      return user;
    });

  return [
    http.all('/api/*', ({ request }) => {
      const path = new URL(request.url).pathname;
      if (PUBLIC_PATHS.includes(path)) return undefined;
      const user = signedInUser();
      if (!user) return problem(unauthorizedBody());
      const agentMayRead = request.method === 'GET' && AGENT_READABLE.test(path);
      if (user.role !== 'admin' && !agentMayRead && ADMIN_PREFIXES.some((prefix) => isUnder(path, prefix))) return problem(forbiddenBody());
      return undefined;
    }),

    http.get('/api/session', () => {
      const user = signedInUser();
      if (user) return HttpResponse.json(toSession(user));
      // The demo's session of a user who is gone is the server's cookie that opens no session: said once.
      if (db.data.session.userId !== null) {
        db.write((draft) => {
          draft.session.userId = null;
        });
        return problem(unauthorizedBody());
      }
      return HttpResponse.json({ user: null, setupNeeded: !hasAdministrator() } satisfies AnonymousSession);
    }),

    http.post('/api/session', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = signInInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { email, password } = parsed.data;
      const user = db.data.users.find((u) => u.email === email);
      if (!user) return problem(unauthorizedBody(wrongCredentialsDetail));
      const wait = waitSeconds(user.id);
      if (wait > 0) {
        const response = problem(accountLockedBody(wait));
        response.headers.set('retry-after', String(wait));
        return response;
      }
      if (user.password !== password) {
        countWrongPassword(user.id);
        return problem(unauthorizedBody(wrongCredentialsDetail));
      }
      lockouts.delete(user.id);
      return HttpResponse.json(toSession(signIn(user.id)));
    }),

    http.delete('/api/session', () => {
      if (db.data.session.userId !== null) {
        db.write((draft) => {
          draft.session.userId = null;
        });
      }
      return new HttpResponse(null, { status: 204 });
    }),

    http.put('/api/session/password', async ({ request }) => {
      const user = signedInUser();
      if (!user) return problem(unauthorizedBody());
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = passwordChangeInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      if (parsed.data.currentPassword !== user.password) {
        return problem(validationProblemBody([fieldError('currentPassword', 'password.wrong')]));
      }
      db.write((draft) => {
        const stored = draft.users.find((u) => u.id === user.id)!;
        stored.password = parsed.data.newPassword;
        stored.updatedAt = now().toISOString();
        stored.version += 1;
      });
      return new HttpResponse(null, { status: 204 });
    }),

    http.get('/api/setup', () => HttpResponse.json({ needed: !hasAdministrator() })),

    http.post('/api/setup', async ({ request }) => {
      if (hasAdministrator()) {
        return problem(conflictBody(administratorExistsDetail, []));
      }
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = setupInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { token, name, email, password } = parsed.data;
      if (token !== DEMO_SETUP_TOKEN) return problem(validationProblemBody([fieldError('token', 'setup.linkInvalid')]));
      if (db.data.users.some((u) => u.email === email)) {
        return problem(conflictBody(userValidationMessages['email.taken'], [fieldError('email', 'email.taken')]));
      }
      const id = newId();
      db.write((draft) => {
        const at = now().toISOString();
        draft.users.push({
          id,
          name,
          email,
          role: 'admin',
          password,
          presence: 'available',
          capacity: DEFAULT_USER_CAPACITY,
          skills: [],
          lastAssignedAt: null,
          createdAt: at,
          updatedAt: at,
          lastSignInAt: null,
          version: 1,
        });
      });
      const session = toSession(signIn(id));
      // Recorded as the server does: the new administrator created themselves.
      db.write((draft) => recordAudit(draft, 'created', 'user', draft.users.find((u) => u.id === id)!));
      return HttpResponse.json(session);
    }),
  ];
}
