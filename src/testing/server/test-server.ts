import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { CSRF_HEADER } from '@/api/contract/session';
import type { AppOptions } from '../../server/app';
import { createSession } from '../../server/auth/session-store';
import { loadConfig, type ServerConfig } from '../../server/config';
import type { ServerContext } from '../../server/context';
import { createServer } from '../../server/create-server';
import { hashPassword } from '../../server/crypto/passwords';
import { generateSecretKey } from '../../server/crypto/secret-box';
import { openDatabase } from '../../server/db/connect';
import type { OpenDatabase } from '../../server/db/database';
import { users } from '../../server/db/schema';
import { pgliteTestTarget } from './database-snapshots';
import { createScratchDatabase } from './postgres';
import type { BotWorker, BotWorkerOptions } from '../../server/services/bot-worker';
import type { OutboxWorker, OutboxWorkerOptions } from '../../server/services/outbox-worker';
import type { TwilioGateway } from '../../server/twilio/gateway';

export type TestDatabaseKind = 'pglite' | 'postgres';

export interface TestServer {
  app: FastifyInstance;
  context: ServerContext;
  database: OpenDatabase;
  /** PostgreSQL only: where the database is, for a second instance on it. */
  databaseUrl?: string;
  baseUrl: string;
  /** Moves the server's clock (null: back to the real one). */
  setNow(date: Date | null): void;
  /** Sends the outbox: polls only with `outbox: 'auto'`, else when a test calls runOnce/runDue. */
  outbox: OutboxWorker;
  /** Calls the workstreams' bots: works on its own, like the real server's. */
  bot: BotWorker;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Twilio as a test fakes it; else the REST client, on the simulator when `twilioApiBaseUrl` is set. */
  twilio?: TwilioGateway;
  /** 'auto' polls and wakes like the real server; 'manual' (default) sends nothing until the test says so. */
  outbox?: 'auto' | 'manual';
  outboxOptions?: OutboxWorkerOptions;
  /** PGlite on disk, as `npm start` keeps it (default: in memory). */
  pgliteDataDir?: string;
  /** The bot worker's own fetch, time limit or lease. */
  botOptions?: BotWorkerOptions;
  /** Connections to PostgreSQL (default 4: many test servers share one PostgreSQL). */
  postgresPoolSize?: number;
}

/** The real server on a fresh database of the given kind, listening on a free port of 127.0.0.1. */
export async function startTestServer(
  kind: TestDatabaseKind,
  overrides: Partial<ServerConfig> = {},
  extend?: AppOptions['extend'],
  options: TestServerOptions = {},
): Promise<TestServer> {
  // overrides.databaseUrl: a second instance on the database of another test server (it drops it).
  const scratch = kind === 'postgres' && !overrides.databaseUrl ? await createScratchDatabase('wa_test') : null;
  const postgresUrl = overrides.databaseUrl ?? scratch?.url;
  const database = await openDatabase(kind === 'postgres' && postgresUrl ? { kind: 'postgres', url: postgresUrl, poolSize: options.postgresPoolSize ?? 4 } : await pgliteTestTarget(options.pgliteDataDir));
  let now: Date | null = null;
  // Tests sign in often from one address; the rate limit has a test of its own.
  const config: ServerConfig = { ...loadConfig({}), staticDir: '/nonexistent', signInAttemptsPerMinute: 1000, ...overrides };
  const { app, context, outbox, bot, close } = await createServer({
    config,
    keys: { keyring: { current: generateSecretKey(), previous: [] }, origin: 'environment' },
    database,
    now: () => now ?? new Date(),
    twilio: options.twilio,
    logger: false,
    extend,
    inboundPollMs: 200,
    outbox: options.outbox ?? 'manual',
    outboxOptions: options.outboxOptions,
    botOptions: options.botOptions,
    // Passes run on request; a test about time starts the sweep (context.assignment.start()).
    assignmentSweep: 'manual',
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!overrides.publicUrl) config.publicUrl = baseUrl;
  return {
    app,
    context,
    database,
    databaseUrl: kind === 'postgres' ? postgresUrl : undefined,
    baseUrl,
    setNow: (date) => void (now = date),
    outbox,
    bot,
    async close() {
      await close();
      await scratch?.drop();
    },
  };
}

/** A user straight in the database, with a session: for tests that are not about signing in. */
export async function signedInUser(server: TestServer, role: 'admin' | 'agent', name = role === 'admin' ? 'Test Administrator' : 'Test Agent') {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = `password for ${email}`;
  const [user] = await server.context.db
    .insert(users)
    .values({ name, email, role, passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  const session = await createSession(server.context.db, user!.id, new Date(), 60);
  const cookie = `wa_session=${session.token}`;
  /** fetch as this user: the session cookie and the CSRF token on every request. */
  const fetchAs: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    headers.set(CSRF_HEADER, session.csrfToken);
    return fetch(input, { ...init, headers });
  };
  return { id: user!.id, email, password, cookie, csrfToken: session.csrfToken, fetch: fetchAs };
}

/**
 * fetch that behaves like the browser of one person: it keeps the session cookie the
 * server sets (sign-in, sign-out) and sends the CSRF token of the current session.
 */
export function browserFetch(start: { cookie: string; csrfToken: string }) {
  let cookie: string | null = start.cookie;
  let csrf: string | null = start.csrfToken;
  const fetchLikeABrowser: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    if (csrf) headers.set(CSRF_HEADER, csrf);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair = ''] = setCookie.split(';');
      const value = pair.slice(pair.indexOf('=') + 1);
      cookie = value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(setCookie) ? null : pair;
    }
    if (response.ok && /\/api\/(session|setup)$/.test(String(input))) {
      const body = (await response.clone().json().catch(() => null)) as { csrfToken?: string } | null;
      if (body?.csrfToken) csrf = body.csrfToken;
    }
    return response;
  };
  return {
    fetch: fetchLikeABrowser,
    /** Starts over as another session, as after signing in again. */
    use(next: { cookie: string; csrfToken: string }) {
      cookie = next.cookie;
      csrf = next.csrfToken;
    },
  };
}

/** A new session for an existing user, as cookie and CSRF token. */
export async function newSessionFor(server: TestServer, userId: string) {
  const session = await createSession(server.context.db, userId, new Date(), 60);
  return { cookie: `wa_session=${session.token}`, csrfToken: session.csrfToken };
}

/** Everything but the users and their sessions, so a signed-in test user stays signed in. */
export async function deleteConfiguration(server: TestServer, keepUserId: string): Promise<void> {
  await server.context.db.execute(
    sql`truncate routing_rules, workstreams, message_templates, whatsapp_numbers, whatsapp_accounts, queues, audit_events, setup_tokens restart identity cascade`,
  );
  await server.context.db.execute(sql`delete from users where id <> ${keepUserId}`);
}
