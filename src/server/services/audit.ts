import type { AuditAction, AuditEntityType, AuditEvent } from '@/api/contract/audit-event';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database';
import { auditEvents } from '../db/schema';

export interface Actor {
  id: string | null;
  name: string;
}

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  entityName: string;
  changedFields?: string[];
  renumbered?: AuditEvent['renumbered'];
}

/** The signed-in user behind a request; routes that record changes are never anonymous. */
export function actorOf(request: FastifyRequest): Actor {
  const user = request.session?.user;
  return user ? { id: user.id, name: user.name } : { id: null, name: 'system' };
}

/** Written in the transaction of the change itself: no change without its record, no record without the change. */
export async function recordAudit(db: Queryable, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditEvents).values({
    at: at.toISOString(),
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityName: entry.entityName,
    changedFields: [...(entry.changedFields ?? [])].sort(),
    renumbered: entry.renumbered ?? null,
  });
}
