import type { MockDb } from './db';
import type { Faults } from './faults';
import { whatsAppAccountHandlers } from './handlers/whatsapp-accounts';

export function createHandlers(db: MockDb, faults?: Faults) {
  return [...(faults ? [faults.handler] : []), ...whatsAppAccountHandlers(db)];
}
