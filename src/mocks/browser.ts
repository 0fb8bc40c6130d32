import { delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { browserStorage, createMockDb } from './db';
import { createFaults } from './faults';
import { createHandlers } from './handlers';
import { demoSeed } from './seed';

export const demoDb = createMockDb(demoSeed, browserStorage('whatsapp-admin-demo-data'));
export const demoFaults = createFaults();

/** A little latency, so progress states are visible in the demo as they are in real life. */
const latency = http.all('/api/*', async () => {
  await delay(150);
});

export async function startDemoBackend(): Promise<void> {
  const worker = setupWorker(latency, ...createHandlers(demoDb, demoFaults));
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
