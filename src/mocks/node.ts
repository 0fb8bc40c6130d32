import { setupServer } from 'msw/node';
import { createConversationRuntime, type ConversationRuntimeOptions } from './conversation-runtime';
import { createMockDb } from './db';
import { createFaults } from './faults';
import { createHandlers } from './handlers';
import { demoSeed, emptySeed } from './seed';

/** A fresh mock backend for one test file: its own data, nothing shared. */
export function createTestBackend(seed: 'demo' | 'empty' = 'empty', runtimeOptions: ConversationRuntimeOptions = {}) {
  const db = createMockDb(seed === 'demo' ? demoSeed : emptySeed);
  const faults = createFaults();
  // Outbound messages stay "pending" until a test calls runtime.deliverAll(), unless it asks for a pace.
  const runtime = createConversationRuntime(db, runtimeOptions);
  const server = setupServer(...createHandlers(db, faults, runtime));
  return { db, faults, server, runtime };
}
