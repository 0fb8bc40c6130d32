import { DEMO_DATA_KEY } from './demo-storage-key';
import { delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { runAssignmentPass, startAssignmentSweep } from './assignment';
import { createConversationRuntime, DEMO_BOT_ANSWER_MS, DEMO_DELIVERY_STEPS_MS } from './conversation-runtime';
import { browserStorage, createMockDb } from './db';
import { createFaults } from './faults';
import { createHandlers } from './handlers';
import { demoSeed } from './seed';

// The key names the data's shape: data saved before members were users would not load.
export const demoDb = createMockDb(demoSeed, browserStorage(DEMO_DATA_KEY));
export const demoFaults = createFaults();
/** The demo's clock, live events and simulated deliveries; the demo controls simulate customers through it. */
export const demoRuntime = createConversationRuntime(demoDb, { deliveryStepsMs: DEMO_DELIVERY_STEPS_MS, botAnswerMs: DEMO_BOT_ANSWER_MS });

/** A little latency, so progress states are visible in the demo as they are in real life. */
const latency = http.all('/api/*', async () => {
  await delay(150);
});

export async function startDemoBackend(): Promise<void> {
  const worker = setupWorker(latency, ...createHandlers(demoDb, demoFaults, demoRuntime));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  // Replies sent before a reload were on their way: they carry on from where they were.
  for (const message of demoDb.data.messages) {
    if (message.direction === 'outbound' && ['pending', 'queued', 'sent'].includes(message.status)) demoRuntime.deliver(message.id);
  }
  // Time alone frees work in the demo too: a queue opens, a wrap-up ends, a skill fallback is due.
  runAssignmentPass(demoDb, demoRuntime);
  startAssignmentSweep(demoDb, demoRuntime);
}
