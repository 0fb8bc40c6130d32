import { describeWhatsAppSetupContract } from '@/api/contract-suite/whatsapp-setup.suite';
import { createTestBackend } from './node';

/* The MSW handlers against the contract of the "Set up WhatsApp" result (see whatsapp-accounts.contract.test.ts). */
describeWhatsAppSetupContract('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
