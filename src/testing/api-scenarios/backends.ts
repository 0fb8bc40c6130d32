import type { ScenarioBackend } from '@/testing/api-scenarios/harness';
import { onPostgres } from '../server/each-database';
import { createSession } from '../../server/auth/session-store';
import { browserFetch, deleteConfiguration, newSessionFor, signedInUser, startTestServer, type TestDatabaseKind } from '../server/test-server';
import { authTokenOf, inboundEntries, postSignedWebhook } from '../server/twilio-webhooks';

/** The real server as a scenario backend: a fresh database, one signed-in administrator. */
function serverBackend(kind: TestDatabaseKind) {
  return async (): Promise<ScenarioBackend> => {
    const server = await startTestServer(kind);
    const admin = await signedInUser(server, 'admin');
    const browser = browserFetch(admin);
    let clockOffset = 0;
    return {
      baseUrl: server.baseUrl,
      fetch: browser.fetch,
      async reset() {
        clockOffset = 0;
        server.setNow(null);
        await deleteConfiguration(server, admin.id);
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

/**
 * Runs a API scenario suite against the server on PGlite and on PostgreSQL. Without a
 * PostgreSQL server the second is declared skipped, and says why in its suite's name.
 */
export function describeOnServer(describeScenarios: (label: string, setup: () => Promise<ScenarioBackend>) => void) {
  describeScenarios('server on PGlite', serverBackend('pglite'));
  onPostgres(() => describeScenarios('server on PostgreSQL', serverBackend('postgres')));
}
