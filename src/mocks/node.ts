import { setupServer } from 'msw/node';
import { createMockDb } from './db';
import { createFaults } from './faults';
import { createHandlers } from './handlers';
import { demoSeed, emptySeed } from './seed';

/** A fresh mock backend for one test file: its own data, nothing shared. */
export function createTestBackend(seed: 'demo' | 'empty' = 'empty') {
  const db = createMockDb(seed === 'demo' ? demoSeed : emptySeed);
  const faults = createFaults();
  const server = setupServer(...createHandlers(db, faults));
  return { db, faults, server };
}
