import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEvent, auditQuerySchema } from '@/api/contract/audit-event';
import { problemDetails } from '@/api/contract/problem-bodies';
import type { Queryable } from '../db/database';
import { auditEvents } from '../db/schema';
import { iso } from '../db/timestamps';
import { isUuid } from '../db/uuid';
import { refuse } from './refused';

type AuditRow = typeof auditEvents.$inferSelect;
type AuditQuery = z.output<typeof auditQuerySchema>;

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: row.id,
    at: iso(row.at),
    actor: { id: row.actorId, name: row.actorName },
    action: row.action,
    entityType: row.entityType as AuditEvent['entityType'],
    entityId: row.entityId,
    entityName: row.entityName,
    changedFields: row.changedFields,
    ...(row.renumbered ? { renumbered: row.renumbered } : {}),
  };
}

/** The cursor is the insertion sequence of the last event shown: stable while new events arrive. */
const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
function decodeCursor(cursor: string): number | null {
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? Number(match[1]) : null;
}

/** One page of the audit log, newest first. */
export async function listAuditEvents(db: Queryable, query: AuditQuery): Promise<{ items: AuditEvent[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.actorId !== undefined) {
    if (!isUuid(query.actorId)) return { items: [], nextCursor: null };
    conditions.push(eq(auditEvents.actorId, query.actorId.toLowerCase()));
  }
  if (query.before !== undefined) {
    const seq = decodeCursor(query.before);
    if (seq === null) throw refuse.badRequest(problemDetails.unknownCursor);
    conditions.push(lt(auditEvents.seq, seq));
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toEvent), nextCursor: rows.length > query.limit && last ? encodeCursor(last.seq) : null };
}
