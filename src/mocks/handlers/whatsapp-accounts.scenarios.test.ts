import { describeWhatsAppAccountsScenarios } from '@/testing/api-scenarios/whatsapp-accounts.scenarios';
import { createTestBackend } from '../node';

/*
 * The MSW handlers against the API scenarios the real server must pass too. The handlers
 * match relative paths, so requests go to the test page's origin (happy-dom's
 * location), where msw/node intercepts them.
 */
describeWhatsAppAccountsScenarios('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
