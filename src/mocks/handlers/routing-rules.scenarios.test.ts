import { describeRoutingRulesScenarios } from '@/testing/api-scenarios/routing-rules.scenarios';
import { createTestBackend } from '../node';

/* The MSW handlers against the API scenarios the real server must pass too (see whatsapp-accounts.scenarios.test.ts). */
describeRoutingRulesScenarios('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
