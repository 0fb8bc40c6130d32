import { describeWhatsAppSetupScenarios } from '@/testing/api-scenarios/whatsapp-setup.scenarios';
import { createTestBackend } from '../node';

/* The MSW handlers against the contract of the "Set up WhatsApp" result (see whatsapp-accounts.scenarios.test.ts). */
describeWhatsAppSetupScenarios('MSW handlers', async () => {
  const { db, server } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => db.reset(),
    close: async () => server.close(),
  };
});
