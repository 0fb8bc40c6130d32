import { describeConversationsScenarios } from '@/testing/api-scenarios/conversations.scenarios';
import { createTestBackend } from '../node';
import { receiveInbound } from '../simulated-traffic';

/*
 * The MSW handlers against the API scenarios the real server must pass too (see
 * whatsapp-accounts.scenarios.test.ts). Inbound traffic is the demo's simulated customer;
 * time moves on the mock's own clock.
 */
describeConversationsScenarios('MSW handlers', async () => {
  const { db, server, runtime } = createTestBackend('empty');
  server.listen({ onUnhandledRequest: 'error' });
  return {
    baseUrl: location.origin,
    reset: async () => {
      runtime.reset();
      db.reset();
    },
    close: async () => {
      runtime.stop();
      server.close();
    },
    simulateInbound: async (message) => {
      receiveInbound(db, runtime, message);
    },
    advanceTime: async (ms) => runtime.advance(ms),
  };
});
