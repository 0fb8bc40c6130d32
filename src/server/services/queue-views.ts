import { asc, eq } from 'drizzle-orm';
import type { Queue, QueueMember } from '@/api/contract/queue';
import type { Usage } from '@/api/contract/usage';
import type { Queryable } from '../db/database';
import { queues, routingRules, workstreams } from '../db/schema';
import { iso } from '../db/timestamps';
import { membersByQueue } from './queue-members';
import { groupByQueue, inQueues } from './queue-scope';

type QueueRow = typeof queues.$inferSelect;

/**
 * Where each queue is used: workstream by workstream in the order they were created, the
 * fallback before the rules, the rules in their order. Every queue when `queueIds` is left out.
 */
export async function queueUsage(db: Queryable, queueIds?: string[]): Promise<Map<string, Usage[]>> {
  if (queueIds?.length === 0) return new Map();
  const fallbacks = await db
    .select({ queueId: workstreams.fallbackQueueId, id: workstreams.id, name: workstreams.name, seq: workstreams.seq })
    .from(workstreams)
    .where(inQueues(workstreams.fallbackQueueId, queueIds));
  const rules = await db
    .select({
      queueId: routingRules.queueId,
      ruleId: routingRules.id,
      ruleName: routingRules.name,
      position: routingRules.position,
      workstreamId: workstreams.id,
      workstreamName: workstreams.name,
      seq: workstreams.seq,
    })
    .from(routingRules)
    .innerJoin(workstreams, eq(workstreams.id, routingRules.workstreamId))
    .where(inQueues(routingRules.queueId, queueIds))
    .orderBy(asc(workstreams.seq), asc(routingRules.position));

  const entries: { queueId: string; seq: number; order: number; usage: Usage }[] = [
    ...fallbacks.map((w) => ({ queueId: w.queueId, seq: w.seq, order: -1, usage: { kind: 'workstream' as const, id: w.id, name: w.name } })),
    ...rules.map((r) => ({
      queueId: r.queueId,
      seq: r.seq,
      order: r.position,
      usage: { kind: 'routingRule' as const, workstreamId: r.workstreamId, workstreamName: r.workstreamName, ruleId: r.ruleId, ruleName: r.ruleName },
    })),
  ];
  entries.sort((a, b) => a.seq - b.seq || a.order - b.order);
  return groupByQueue(entries, (entry) => entry.usage);
}

export function toQueue(row: QueueRow, usedBy: Usage[], members: QueueMember[]): Queue {
  return {
    id: row.id,
    name: row.name,
    type: 'messaging',
    priority: row.priority,
    members,
    pendingMembers: row.pendingMembers,
    operatingHours: row.operatingHours ?? null,
    usedBy,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

/** One queue as the API shows it, or undefined. */
export async function queueView(db: Queryable, id: string, now: Date): Promise<Queue | undefined> {
  const [row] = await db.select().from(queues).where(eq(queues.id, id));
  if (!row) return undefined;
  return toQueue(row, (await queueUsage(db, [id])).get(id) ?? [], (await membersByQueue(db, now, [id])).get(id) ?? []);
}

/** Every queue as the API shows it, in no particular order. */
export async function queueViews(db: Queryable, now: Date): Promise<Queue[]> {
  const rows = await db.select().from(queues);
  const usage = await queueUsage(db);
  const members = await membersByQueue(db, now);
  return rows.map((row) => toQueue(row, usage.get(row.id) ?? [], members.get(row.id) ?? []));
}

