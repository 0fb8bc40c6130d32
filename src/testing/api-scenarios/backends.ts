import { eq, sql } from 'drizzle-orm';
import type { ScenarioBackend } from '@/testing/api-scenarios/harness';
import { onPostgres } from '../server/each-database';
import { createSession } from '../../server/auth/session-store';
import { issueSetupLink } from '../../server/auth/setup-link';
import { users } from '../../server/db/schema';
import { browserFetch, deleteConfiguration, newSessionFor, signedInUser, startTestServer, type TestDatabaseKind } from '../server/test-server';
import { authTokenOf, inboundEntries, postSignedWebhook } from '../server/twilio-webhooks';

/** The real server as a scenario backend: a fresh database, one signed-in administrator. */
function serverBackend(kind: TestDatabaseKind) {
  return async (): Promise<ScenarioBackend> => {
    const server = await startTestServer(kind);
    let admin = await signedInUser(server, 'admin');
    const browser = browserFetch(admin);
    let clockOffset = 0;
    return {
      baseUrl: server.baseUrl,
      fetch: browser.fetch,
      async reset() {
        clockOffset = 0;
        server.setNow(null);
        // A setup test removed every user: a new administrator stands in.
        const [kept] = await server.context.db.select({ id: users.id }).from(users).where(eq(users.id, admin.id));
        if (kept === undefined) admin = await signedInUser(server, 'admin');
        await deleteConfiguration(server, admin.id);
        await server.context.db.update(users).set({ presence: 'available', capacity: 3, skills: [] }).where(eq(users.id, admin.id));
        // A test may have signed out or in as someone else: each test starts as the administrator.
        browser.use(await newSessionFor(server, admin.id));
      },
      close: () => server.close(),
      async simulateInbound(message) {
        const path = `/webhooks/twilio/whatsapp/${message.accountId}`;
        const authToken = await authTokenOf(server, message.accountId);
        const response = await postSignedWebhook(server, path, inboundEntries(message), { authToken });
        if (response.status !== 200) throw new Error(`The signed webhook was answered ${response.status}: ${await response.text()}`);
      },
      newBrowser: cookieJarFetch,
      async withoutAdministrator() {
        await server.context.db.execute(sql`delete from users`);
        const { url } = await issueSetupLink(server.context.db, server.baseUrl, server.context.now());
        return new URL(url).hash.replace('#token=', '');
      },
      async advanceTime(ms) {
        clockOffset += ms;
        server.setNow(new Date(Date.now() + clockOffset));
        // The administrator's session would have expired on the moved clock: they are still at work.
        const session = await createSession(server.context.db, admin.id, server.context.now(), 60);
        browser.use({ cookie: `wa_session=${session.token}`, csrfToken: session.csrfToken });
      },
    };
  };
}

/** fetch with a cookie jar of its own and nothing else: a second browser on the same server. */
function cookieJarFetch(): typeof fetch {
  let cookie: string | null = null;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair = ''] = setCookie.split(';');
      cookie = pair.endsWith('=') || /max-age=0|expires=thu, 01 jan 1970/i.test(setCookie) ? null : pair;
    }
    return response;
  };
}

/**
 * Runs a API scenario suite against the server on PGlite and on PostgreSQL. Without a
 * PostgreSQL server the second is declared skipped, and says why in its suite's name.
 */
export function describeOnServer(describeScenarios: (label: string, setup: () => Promise<ScenarioBackend>) => void) {
  describeScenarios('server on PGlite', serverBackend('pglite'));
  onPostgres(() => describeScenarios('server on PostgreSQL', serverBackend('postgres')));
}
