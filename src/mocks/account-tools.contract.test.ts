import { describeAccountToolsContract } from '@/api/contract-suite/account-tools.suite';
import { createTestBackend } from './node';

/* The MSW handlers against the contract the real server must meet too (see whatsapp-accounts.contract.test.ts). */
describeAccountToolsContract('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
