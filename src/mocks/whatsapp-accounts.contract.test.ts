import { describeWhatsAppAccountsContract } from '@/api/contract-suite/whatsapp-accounts.suite';
import { createTestBackend } from './node';

/*
 * The MSW handlers against the contract the real server must meet too. The handlers
 * match relative paths, so requests go to the test page's origin (happy-dom's
 * location), where msw/node intercepts them.
 */
describeWhatsAppAccountsContract('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
