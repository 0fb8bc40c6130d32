import { http, HttpResponse, type HttpHandler } from 'msw';
import { administratorExistsDetail, conflictBody, forbiddenBody, tooManyRequestsBody, unauthorizedBody, validationProblemBody } from '@/api/contract/problem-bodies';
import {
  passwordChangeInputSchema,
  setupInputSchema,
  signInInputSchema,
  type Session,
} from '@/api/contract/session';
import type { MockDb, StoredUser } from '../db';
import { newId } from '../ids';
import { fieldError, problem, readJson, validationProblem } from '../problem-responses';
import { DEMO_SETUP_TOKEN } from '../seed';
import { recordAudit } from '../audit';

const WRONG_CREDENTIALS = 'The email or password is not right.';
const SESSION_HOURS = 12;
/** Failed sign-ins per email address before the mock makes the user wait, as the server does. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;

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
export function sessionHandlers(db: MockDb): HttpHandler[] {
  const csrfToken = newId();
  const failures = new Map<string, number[]>();

  const signedInUser = (): StoredUser | undefined => {
    const { userId } = db.data.session;
    return userId === null ? undefined : db.data.users.find((u) => u.id === userId);
  };

  const toSession = (user: StoredUser): Session => ({
    user: { id: user.id, name: user.name, email: user.email, role: user.role },
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600 * 1000).toISOString(),
  });

  /** Seconds until the address may try again, or 0 when it may try now. */
  const waitSeconds = (email: string): number => {
    const now = Date.now();
    const recent = (failures.get(email) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
    failures.set(email, recent);
    if (recent.length < MAX_FAILURES) return 0;
    return Math.ceil((FAILURE_WINDOW_MS - (now - recent[0]!)) / 1000);
  };

  const signIn = (userId: string) =>
    db.write((draft) => {
      const user = draft.users.find((u) => u.id === userId)!;
      user.lastSignInAt = new Date().toISOString();
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
      return user ? HttpResponse.json(toSession(user)) : problem(unauthorizedBody());
    }),

    http.post('/api/session', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = signInInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error);
      const { email, password } = parsed.data;
      const wait = waitSeconds(email);
      if (wait > 0) {
        const response = problem(tooManyRequestsBody(wait));
        response.headers.set('retry-after', String(wait));
        return response;
      }
      const user = db.data.users.find((u) => u.email === email);
      if (!user || user.password !== password) {
        failures.get(email)!.push(Date.now());
        return problem(unauthorizedBody(WRONG_CREDENTIALS));
      }
      failures.delete(email);
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
      if (!parsed.success) return validationProblem(parsed.error);
      if (parsed.data.currentPassword !== user.password) {
        return problem(validationProblemBody([fieldError('currentPassword', 'password.wrong')]));
      }
      db.write((draft) => {
        const stored = draft.users.find((u) => u.id === user.id)!;
        stored.password = parsed.data.newPassword;
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
      });
      return new HttpResponse(null, { status: 204 });
    }),

    http.get('/api/setup', () => HttpResponse.json({ needed: !db.data.users.some((u) => u.role === 'admin') })),

    http.post('/api/setup', async ({ request }) => {
      if (db.data.users.some((u) => u.role === 'admin')) {
        return problem(conflictBody(administratorExistsDetail, []));
      }
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = setupInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error);
      const { token, name, email, password } = parsed.data;
      if (token !== DEMO_SETUP_TOKEN) return problem(validationProblemBody([fieldError('token', 'setup.linkInvalid')]));
      if (db.data.users.some((u) => u.email === email)) {
        return problem(conflictBody('Another user already signs in with this email address.', [fieldError('email', 'email.taken')]));
      }
      const id = newId();
      db.write((draft) => {
        const now = new Date().toISOString();
        draft.users.push({ id, name, email, role: 'admin', password, createdAt: now, updatedAt: now, lastSignInAt: null, version: 1 });
      });
      const session = toSession(signIn(id));
      // Recorded as the server does: the new administrator created themselves.
      db.write((draft) => recordAudit(draft, 'created', 'user', draft.users.find((u) => u.id === id)!));
      return HttpResponse.json(session);
    }),
  ];
}
