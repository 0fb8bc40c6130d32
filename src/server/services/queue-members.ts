import { asc, eq, inArray, sql } from 'drizzle-orm';
import { fieldError } from '@/api/contract/problem-bodies';
import type { FieldError } from '@/api/contract/problem';
import type { QueueMember } from '@/api/contract/queue';
import { effectivePresence } from '@/domain/work-distribution/presence';
import type { Queryable } from '../db/database';
import { queueMembers, queues, users } from '../db/schema';
import { isoOrNull } from '../db/timestamps';
import { isUuid } from '../db/uuid';
import { recordAudit, type Actor } from './audit';
import { groupByQueue, inQueues } from './queue-scope';

/** The members of each queue (every queue when `queueIds` is left out), in the order they were added. */
export async function membersByQueue(db: Queryable, now: Date, queueIds?: string[]): Promise<Map<string, QueueMember[]>> {
  if (queueIds?.length === 0) return new Map();
  const rows = await db
    .select({
      queueId: queueMembers.queueId,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      presence: users.presence,
      lastActiveAt: users.lastActiveAt,
    })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(inQueues(queueMembers.queueId, queueIds))
    .orderBy(asc(queueMembers.position), asc(users.id));
  return groupByQueue(rows, (row): QueueMember => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    role: row.role,
    presence: effectivePresence(row.presence, isoOrNull(row.lastActiveAt), now),
  }));
}

/** member.unknownUser at `memberIds.N` for every id that names no user (ids that are no UUID included). */
export async function unknownMemberErrors(db: Queryable, ids: readonly string[]): Promise<FieldError[]> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()).filter(isUuid))];
  const found = wanted.length === 0 ? [] : await db.select({ id: users.id }).from(users).where(inArray(users.id, wanted));
  const existing = new Set(found.map((user) => user.id));
  return ids.flatMap((id, index) => (existing.has(id.toLowerCase()) ? [] : [fieldError(`memberIds.${index}`, 'member.unknownUser')]));
}

/** The member ids of a queue, in their order. */
export async function memberIdsOf(db: Queryable, queueId: string): Promise<string[]> {
  const rows = await db.select({ userId: queueMembers.userId }).from(queueMembers).where(eq(queueMembers.queueId, queueId)).orderBy(asc(queueMembers.position));
  return rows.map((row) => row.userId);
}

/** Replaces a queue's members with these users, in this order (the ids are known to exist). */
export async function replaceMembers(db: Queryable, queueId: string, userIds: readonly string[]): Promise<void> {
  await db.delete(queueMembers).where(eq(queueMembers.queueId, queueId));
  if (userIds.length === 0) return;
  await db.insert(queueMembers).values(userIds.map((userId, position) => ({ queueId, userId: userId.toLowerCase(), position })));
}

/** The queues a change of their members touches: bumped like any other update, and audited as one. */
export async function recordMembersChanged(db: Queryable, actor: Actor, queueIds: readonly string[], now: Date): Promise<void> {
  if (queueIds.length === 0) return;
  const changed = await db
    .update(queues)
    .set({ updatedAt: now.toISOString(), version: sql`${queues.version} + 1` })
    .where(inArray(queues.id, [...queueIds]))
    .returning({ id: queues.id, name: queues.name });
  for (const queue of changed.sort((a, b) => a.name.localeCompare(b.name))) {
    await recordAudit(db, actor, { action: 'updated', entityType: 'queue', entityId: queue.id, entityName: queue.name, changedFields: ['members'] }, now);
  }
}

/**
 * A new user whose e-mail waits among a queue's pending members becomes a member there (at
 * the end of the list), and leaves the pending list.
 */
export async function adoptPendingMemberships(db: Queryable, actor: Actor, user: { id: string; email: string }, now: Date): Promise<string[]> {
  const email = user.email.toLowerCase();
  const waiting = await db
    .select({ id: queues.id, pendingMembers: queues.pendingMembers })
    .from(queues)
    .where(sql`exists (select 1 from jsonb_array_elements(${queues.pendingMembers}) as pending where lower(pending->>'email') = ${email})`)
    .for('update');
  for (const queue of waiting) {
    const [last] = await db
      .select({ position: sql<number>`coalesce(max(${queueMembers.position}), -1)` })
      .from(queueMembers)
      .where(eq(queueMembers.queueId, queue.id));
    await db.insert(queueMembers).values({ queueId: queue.id, userId: user.id, position: Number(last?.position ?? -1) + 1 });
    await db
      .update(queues)
      .set({ pendingMembers: queue.pendingMembers.filter((pending) => pending.email.toLowerCase() !== email) })
      .where(eq(queues.id, queue.id));
  }
  const queueIds = waiting.map((queue) => queue.id);
  await recordMembersChanged(db, actor, queueIds, now);
  return queueIds;
}
