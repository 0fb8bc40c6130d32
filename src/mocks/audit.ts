import type { AuditAction, AuditEntityType, AuditEvent } from '@/api/contract/audit-event';
import { changedFields } from '@/domain/audit-changes';
import type { MockData } from './db';
import { newId } from './ids';

/** The record an event is about, named as the audit log shows it. */
export interface AuditedEntity {
  id: string;
  name: string;
}

/** Who is signed in, as the audit log names them: the name is copied, so it outlives the user. */
export function currentActor(data: Readonly<MockData>): AuditEvent['actor'] {
  const user = data.users.find((u) => u.id === data.session.userId);
  return user ? { id: user.id, name: user.name } : { id: null, name: 'Unknown' };
}

/**
 * Appends an event to the log in the same write as the change it records, so the log
 * never tells of a change that did not happen (or misses one that did).
 */
export function recordAudit(
  draft: MockData,
  action: AuditAction,
  entityType: AuditEntityType,
  entity: AuditedEntity,
  fields: string[] = [],
  renumbered?: AuditEvent['renumbered'],
): void {
  draft.auditEvents.push({
    id: newId(),
    at: new Date().toISOString(),
    actor: currentActor(draft),
    action,
    entityType,
    entityId: entity.id,
    entityName: entity.name,
    changedFields: fields,
    ...(renumbered ? { renumbered } : {}),
  });
}

/**
 * Records an update by the fields it changes (see src/domain/audit-changes.ts); an
 * update that changes nothing records nothing. Call it with the record as it was
 * before the change.
 */
export function recordUpdate(
  draft: MockData,
  entityType: AuditEntityType,
  entity: AuditedEntity,
  before: object,
  input: object,
): void {
  const fields = changedFields(before, input);
  if (fields.length > 0) recordAudit(draft, 'updated', entityType, entity, fields);
}
