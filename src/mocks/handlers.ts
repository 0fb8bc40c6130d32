import type { MockDb } from './db';
import type { Faults } from './faults';
import { queuesHandlers } from './handlers/queues';
import { routingRulesHandlers } from './handlers/routing-rules';
import { templatesHandlers } from './handlers/templates';
import { whatsAppAccountHandlers } from './handlers/whatsapp-accounts';
import { workstreamWhatsappHandlers } from './handlers/workstream-whatsapp';
import { workstreamsHandlers } from './handlers/workstreams';

export function createHandlers(db: MockDb, faults?: Faults) {
  return [
    ...(faults ? [faults.handler] : []),
    ...whatsAppAccountHandlers(db),
    ...templatesHandlers(db),
    ...queuesHandlers(db),
    ...workstreamWhatsappHandlers(db),
    ...routingRulesHandlers(db),
    ...workstreamsHandlers(db),
  ];
}
