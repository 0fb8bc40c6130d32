import { createConversationRuntime, type ConversationRuntime } from './conversation-runtime';
import type { MockDb } from './db';
import type { Faults } from './faults';
import { accountToolsHandlers } from './handlers/account-tools';
import { auditEventsHandlers } from './handlers/audit-events';
import { conversationTransfersHandlers } from './handlers/conversation-transfers';
import { conversationsHandlers } from './handlers/conversations';
import { eventsHandlers } from './handlers/events';
import { mediaHandlers } from './handlers/media';
import { presenceHandlers } from './handlers/presence';
import { queuesHandlers } from './handlers/queues';
import { quickRepliesHandlers } from './handlers/quick-replies';
import { routingRulesHandlers } from './handlers/routing-rules';
import { sessionHandlers } from './handlers/session';
import { templatesHandlers } from './handlers/templates';
import { usersHandlers } from './handlers/users';
import { whatsAppAccountHandlers } from './handlers/whatsapp-accounts';
import { workstreamBotHandlers } from './handlers/workstream-bot';
import { workstreamWhatsappHandlers } from './handlers/workstream-whatsapp';
import { workstreamsHandlers } from './handlers/workstreams';

export function createHandlers(db: MockDb, faults?: Faults, runtime: ConversationRuntime = createConversationRuntime(db)) {
  return [
    ...(faults ? [faults.handler] : []),
    // First after the faults: it also answers 401 and 403 for every other resource.
    ...sessionHandlers(db, runtime.now),
    ...presenceHandlers(db, runtime),
    ...accountToolsHandlers(db, runtime),
    ...whatsAppAccountHandlers(db),
    ...templatesHandlers(db),
    ...queuesHandlers(db, runtime),
    ...workstreamWhatsappHandlers(db),
    ...workstreamBotHandlers(db, runtime),
    ...routingRulesHandlers(db),
    ...workstreamsHandlers(db, runtime),
    ...usersHandlers(db, runtime),
    ...auditEventsHandlers(db),
    ...conversationsHandlers(db, runtime),
    ...conversationTransfersHandlers(db, runtime),
    ...quickRepliesHandlers(db, runtime),
    ...mediaHandlers(db, runtime),
    ...eventsHandlers(db, runtime),
  ];
}
