import type { MockDb } from './db';
import type { Faults } from './faults';
import { auditEventsHandlers } from './handlers/audit-events';
import { queuesHandlers } from './handlers/queues';
import { routingRulesHandlers } from './handlers/routing-rules';
import { sessionHandlers } from './handlers/session';
import { templatesHandlers } from './handlers/templates';
import { usersHandlers } from './handlers/users';
import { whatsAppAccountHandlers } from './handlers/whatsapp-accounts';
import { workstreamWhatsappHandlers } from './handlers/workstream-whatsapp';
import { workstreamsHandlers } from './handlers/workstreams';

export function createHandlers(db: MockDb, faults?: Faults) {
  return [
    ...(faults ? [faults.handler] : []),
    // First after the faults: it also answers 401 and 403 for every other resource.
    ...sessionHandlers(db),
    ...whatsAppAccountHandlers(db),
    ...templatesHandlers(db),
    ...queuesHandlers(db),
    ...workstreamWhatsappHandlers(db),
    ...routingRulesHandlers(db),
    ...workstreamsHandlers(db),
    ...usersHandlers(db),
    ...auditEventsHandlers(db),
  ];
}
