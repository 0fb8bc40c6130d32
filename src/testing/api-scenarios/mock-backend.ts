import { DEMO_SETUP_TOKEN } from '@/mocks/seed';
import { createTestBackend } from '@/mocks/node';
import { receiveCustomerMessage } from '@/mocks/simulated-traffic';
import type { ScenarioBackend } from './harness';

/**
 * The MSW handlers as a scenario backend, with every capability the mock has: simulated
 * customers, its own clock, and a setup link (the demo's fixed one). It holds one session
 * (the demo's browser), so it offers no second browser. The handlers match relative paths,
 * so requests go to the test page's origin (happy-dom's location), where msw/node intercepts them.
 */
export async function mockScenarioBackend(): Promise<ScenarioBackend> {
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
      receiveCustomerMessage(db, runtime, message);
    },
    advanceTime: async (ms) => runtime.advance(ms),
    withoutAdministrator: async () => {
      // The demo browser's session stays, of a user who is gone: as the server's cookie, it has ended.
      db.write((draft) => {
        draft.users.splice(0);
      });
      return DEMO_SETUP_TOKEN;
    },
  };
}
