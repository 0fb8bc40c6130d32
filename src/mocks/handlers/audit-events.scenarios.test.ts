import { describeAuditEventsScenarios } from '@/testing/api-scenarios/audit-events.scenarios';
import { createTestBackend } from '../node';

/* The MSW handlers against the API scenarios the real server must pass too (see whatsapp-accounts.scenarios.test.ts). */
describeAuditEventsScenarios('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
