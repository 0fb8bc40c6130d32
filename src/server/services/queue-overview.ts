import { and, eq, gte, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { QueueOverview } from '@/api/contract/queue';
import { MAX_WRAP_UP_MINUTES } from '@/api/contract/workstream';
import { byPriorityThenName } from '@/domain/list-order';
import { isOpenAt } from '@/domain/operating-hours';
import { agentLoad, waitReasonOf } from '@/domain/work-distribution/assignment';
import type { Holding } from '@/domain/work-distribution/capacity';
import { effectivePresence } from '@/domain/work-distribution/presence';
import type { ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { conversations, queueMembers, queues, users } from '../db/schema';
import { iso, isoOrNull } from '../db/timestamps';
import { allDistributionRules } from './routing-state';

type Item = QueueOverview['items'][number];

/** The open conversations of these users, and those closed recently enough to be in wrap-up. */
async function holdingsOf(db: Queryable, userIds: string[], now: Date): Promise<Map<string, Holding[]>> {
  const holdings = new Map<string, Holding[]>();
  if (userIds.length === 0) return holdings;
  const wrapUpFrom = new Date(now.getTime() - MAX_WRAP_UP_MINUTES * 60_000).toISOString();
  const rows = await db
    .select({ assigneeId: conversations.assigneeId, workstreamId: conversations.workstreamId, closedAt: conversations.closedAt })
    .from(conversations)
    .where(
      and(
        inArray(conversations.assigneeId, userIds),
        or(eq(conversations.status, 'open'), and(isNotNull(conversations.closedAt), gte(conversations.closedAt, wrapUpFrom))),
      ),
    );
  for (const row of rows) {
    const list = holdings.get(row.assigneeId!) ?? [];
    list.push({ workstreamId: row.workstreamId, closedAt: isoOrNull(row.closedAt) });
    holdings.set(row.assigneeId!, list);
  }
  return holdings;
}

/**
 * GET /api/queues/overview: per queue, what waits (and how much of it for the queue to
 * open), since when, and its members' presence and load, as routing sees them now.
 */
export async function queueOverview({ db, now: clock }: Pick<ServerContext, 'db' | 'now'>): Promise<QueueOverview> {
  const now = clock();
  const queueRows = await db.select({ id: queues.id, name: queues.name, priority: queues.priority, operatingHours: queues.operatingHours }).from(queues);
  const rules = await allDistributionRules(db);
  const rulesById = new Map(rules.map((rule) => [rule.id, rule]));
  const waiting = await db
    .select({ queueId: conversations.queueId, workstreamId: conversations.workstreamId, queuedAt: conversations.queuedAt })
    .from(conversations)
    .where(and(eq(conversations.status, 'open'), isNull(conversations.assigneeId), isNotNull(conversations.queueId)));
  const memberRows = await db
    .select({
      queueId: queueMembers.queueId,
      userId: users.id,
      name: users.name,
      presence: users.presence,
      lastActiveAt: users.lastActiveAt,
      capacity: users.capacity,
    })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .orderBy(queueMembers.position, users.id);
  const holdings = await holdingsOf(db, [...new Set(memberRows.map((row) => row.userId))], now);

  const items = queueRows.sort(byPriorityThenName).map((queue): Item => {
    const routingQueue = { id: queue.id, priority: queue.priority, operatingHours: queue.operatingHours };
    const inQueue = waiting.filter((conversation) => conversation.queueId === queue.id);
    const oldest = inQueue.map((conversation) => iso(conversation.queuedAt)).sort()[0] ?? null;
    return {
      queueId: queue.id,
      name: queue.name,
      priority: queue.priority,
      open: isOpenAt(queue.operatingHours, now),
      waiting: inQueue.length,
      waitingForOpening: inQueue.filter(
        (conversation) => waitReasonOf(routingQueue, conversation.workstreamId === null ? undefined : rulesById.get(conversation.workstreamId), now) === 'outOfHours',
      ).length,
      oldestWaitingSince: oldest,
      members: memberRows
        .filter((member) => member.queueId === queue.id)
        .map((member) => ({
          userId: member.userId,
          name: member.name,
          presence: effectivePresence(member.presence, isoOrNull(member.lastActiveAt), now),
          usedCapacity: agentLoad({ holdings: holdings.get(member.userId) ?? [] }, rules, now).units,
          capacity: member.capacity,
        })),
    };
  });
  return { items };
}
