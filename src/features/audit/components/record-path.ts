import type { AuditEvent } from '@/api/contract/audit-event';
import { paths } from '@/config/paths';

/**
 * Where the record of an event can be opened, or null: a deleted record is gone, and
 * numbers and templates live inside an account the event does not name.
 */
export function recordPath(event: Pick<AuditEvent, 'action' | 'entityType' | 'entityId'>): string | null {
  if (event.action === 'deleted') return null;
  switch (event.entityType) {
    case 'account':
      return paths.account(event.entityId);
    case 'workstream':
      return paths.workstream(event.entityId);
    case 'whatsappSetup':
      return paths.workstream(event.entityId);
    case 'routingRules':
      return paths.routingRules(event.entityId);
    case 'queue':
      return paths.queue(event.entityId);
    case 'user':
      return paths.users;
    case 'conversation':
      return paths.conversation(event.entityId);
    case 'number':
    case 'template':
      return null;
  }
}
