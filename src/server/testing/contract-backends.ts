import { describe } from 'vitest';
import type { ContractBackend } from '@/api/contract-suite/harness';
import { probePostgres } from './postgres';
import { browserFetch, deleteConfiguration, newSessionFor, signedInUser, startTestServer, type TestDatabaseKind } from './test-server';

const postgres = await probePostgres();
if (!postgres.ok && process.env.REQUIRE_POSTGRES === '1') {
  throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer: ${postgres.reason}`);
}

/** The real server as a contract backend: a fresh database, one signed-in administrator. */
function serverBackend(kind: TestDatabaseKind) {
  return async (): Promise<ContractBackend> => {
    const server = await startTestServer(kind);
    const admin = await signedInUser(server, 'admin');
    const browser = browserFetch(admin);
    return {
      baseUrl: server.baseUrl,
      fetch: browser.fetch,
      async reset() {
        await deleteConfiguration(server, admin.id);
        // A test may have signed out or in as someone else: each test starts as the administrator.
        browser.use(await newSessionFor(server, admin.id));
      },
      close: () => server.close(),
    };
  };
}

/**
 * Runs a contract suite against the server on PGlite and on PostgreSQL. Without a
 * PostgreSQL server the second is skipped, and says so in the test names.
 */
export function describeOnServer(describeContract: (label: string, setup: () => Promise<ContractBackend>) => void) {
  describeContract('server on PGlite', serverBackend('pglite'));
  if (postgres.ok) describeContract('server on PostgreSQL', serverBackend('postgres'));
  else describe.skip(`server on PostgreSQL (skipped: ${postgres.reason})`, () => undefined);
}
