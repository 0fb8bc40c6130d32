import { and, desc, eq, gt, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { MAX_WRAP_UP_MINUTES, workstreamDefaults } from '@/api/contract/workstream';
import { agentLoad, type DistributionRules, type RoutingAgent, type RoutingQueue, type RoutingState, type WaitingConversation } from '@/domain/work-distribution/assignment';
import { effectivePresence } from '@/domain/work-distribution/presence';
import type { Queryable } from '../db/database';
import { conversations, queueMembers, queues, users, workstreams } from '../db/schema';
import { iso, isoOrNull } from '../db/timestamps';

type WorkstreamSettingsRow = Pick<typeof workstreams.$inferSelect, 'id' | 'distributionMode' | 'settings'>;
type QueueRow = Pick<typeof queues.$inferSelect, 'id' | 'priority' | 'operatingHours'>;

/** A workstream's distribution settings as the domain reads them; rows from before a setting existed get its default. */
export function distributionRulesOf(row: WorkstreamSettingsRow): DistributionRules {
  const settings = row.settings;
  return {
    id: row.id,
    distributionMode: row.distributionMode,
    capacity: settings.capacity,
    blockCapacityForWrapUp: settings.blockCapacityForWrapUp,
    wrapUpMinutes: settings.wrapUpMinutes ?? workstreamDefaults.wrapUpMinutes,
    allowedPresences: settings.allowedPresences,
    skillMatching: settings.skillMatching,
    skillFallbackMinutes: settings.skillFallbackMinutes === undefined ? workstreamDefaults.skillFallbackMinutes : settings.skillFallbackMinutes,
    keepSameAgent: settings.keepSameAgent,
    keepSameAgentDays: settings.keepSameAgentDays ?? workstreamDefaults.keepSameAgentDays,
  };
}

export function routingQueueOf(row: QueueRow): RoutingQueue {
  return { id: row.id, priority: row.priority, operatingHours: row.operatingHours };
}

/** Every workstream's rules: an agent's load counts conversations of all of them. */
export async function allDistributionRules(db: Queryable): Promise<DistributionRules[]> {
  const rows = await db.select({ id: workstreams.id, distributionMode: workstreams.distributionMode, settings: workstreams.settings }).from(workstreams);
  return rows.map(distributionRulesOf);
}

const agentColumns = {
  id: users.id,
  name: users.name,
  presence: users.presence,
  lastActiveAt: users.lastActiveAt,
  capacity: users.capacity,
  skills: users.skills,
  lastAssignedAt: users.lastAssignedAt,
};

type AgentRow = { id: string; presence: RoutingAgent['presence']; lastActiveAt: string | null; capacity: number; skills: RoutingAgent['skills']; lastAssignedAt: string | null };

/** What the agents hold: their open conversations, and the closed ones recent enough to be in wrap-up. */
async function holdingsOf(db: Queryable, agentIds: string[], now: Date) {
  const byAgent = new Map<string, { workstreamId: string | null; closedAt: string | null }[]>();
  if (agentIds.length === 0) return byAgent;
  const wrapUpSince = new Date(now.getTime() - MAX_WRAP_UP_MINUTES * 60_000).toISOString();
  const rows = await db
    .select({ assigneeId: conversations.assigneeId, workstreamId: conversations.workstreamId, closedAt: conversations.closedAt })
    .from(conversations)
    .where(and(inArray(conversations.assigneeId, agentIds), or(eq(conversations.status, 'open'), gt(conversations.closedAt, wrapUpSince))));
  for (const row of rows) {
    const list = byAgent.get(row.assigneeId!) ?? [];
    list.push({ workstreamId: row.workstreamId, closedAt: isoOrNull(row.closedAt) });
    byAgent.set(row.assigneeId!, list);
  }
  return byAgent;
}

function routingAgentOf(row: AgentRow, queueIds: string[], holdings: RoutingAgent['holdings'], now: Date): RoutingAgent {
  return {
    id: row.id,
    presence: effectivePresence(row.presence, row.lastActiveAt === null ? null : iso(row.lastActiveAt), now),
    capacity: row.capacity,
    skills: row.skills,
    queueIds,
    lastAssignedAt: isoOrNull(row.lastAssignedAt),
    holdings,
  };
}

/** The customers' previous agents, for keep-same-agent: the assignee of each one's latest closed conversation on the same number. */
async function previousAgents(db: Queryable, waiting: { accountId: string; businessNumber: string; customerWaId: string }[]) {
  const key = (c: { accountId: string; businessNumber: string; customerWaId: string }) => `${c.accountId}/${c.businessNumber}/${c.customerWaId}`;
  const found = new Map<string, { id: string; closedAt: string } | null>();
  if (waiting.length === 0) return { of: () => null };
  const rows = await db
    .selectDistinctOn([conversations.accountId, conversations.businessNumber, conversations.customerWaId], {
      accountId: conversations.accountId,
      businessNumber: conversations.businessNumber,
      customerWaId: conversations.customerWaId,
      assigneeId: conversations.assigneeId,
      closedAt: conversations.closedAt,
    })
    .from(conversations)
    .where(and(eq(conversations.status, 'closed'), isNotNull(conversations.closedAt), inArray(conversations.customerWaId, [...new Set(waiting.map((c) => c.customerWaId))])))
    .orderBy(conversations.accountId, conversations.businessNumber, conversations.customerWaId, desc(conversations.closedAt));
  for (const row of rows) found.set(key(row), row.assigneeId ? { id: row.assigneeId, closedAt: iso(row.closedAt!) } : null);
  return { of: (c: Parameters<typeof key>[0]) => found.get(key(c)) ?? null };
}

/** Everything planAssignments needs now; null when nothing waits (the common case of a sweep). */
export async function loadRoutingState(db: Queryable, now: Date): Promise<RoutingState | null> {
  const waitingRows = await db
    .select({
      id: conversations.id,
      queueId: conversations.queueId,
      workstreamId: conversations.workstreamId,
      queuedAt: conversations.queuedAt,
      requiredSkills: conversations.requiredSkills,
      releasedBy: conversations.releasedBy,
      accountId: conversations.accountId,
      businessNumber: conversations.businessNumber,
      customerWaId: conversations.customerWaId,
    })
    .from(conversations)
    // Pick mode's conversations wait for an Accept: a sweep every few seconds need not read them.
    .innerJoin(workstreams, and(eq(workstreams.id, conversations.workstreamId), eq(workstreams.distributionMode, 'push')))
    // A conversation with the workstream's bot reaches agents only when the bot hands it over.
    .where(and(eq(conversations.status, 'open'), isNull(conversations.assigneeId), isNotNull(conversations.queueId), eq(conversations.botActive, false)));
  if (waitingRows.length === 0) return null;

  const workstreamRules = await allDistributionRules(db);
  const keepSame = new Set(workstreamRules.filter((w) => w.keepSameAgent).map((w) => w.id));
  const previous = await previousAgents(db, waitingRows.filter((row) => keepSame.has(row.workstreamId!)));
  const waiting: WaitingConversation[] = waitingRows.map((row) => ({
    id: row.id,
    queueId: row.queueId!,
    workstreamId: row.workstreamId!,
    queuedAt: iso(row.queuedAt),
    requiredSkills: row.requiredSkills,
    previousAgent: keepSame.has(row.workstreamId!) ? previous.of(row) : null,
    releasedBy: row.releasedBy,
  }));

  const queueIds = [...new Set(waiting.map((c) => c.queueId))];
  const queueRows = await db.select({ id: queues.id, priority: queues.priority, operatingHours: queues.operatingHours }).from(queues).where(inArray(queues.id, queueIds));
  const memberRows = await db
    .select({ queueId: queueMembers.queueId, ...agentColumns })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(and(inArray(queueMembers.queueId, queueIds), inArray(users.role, ['agent', 'admin'])));
  const agentRows = new Map<string, { row: AgentRow; queueIds: string[] }>();
  for (const member of memberRows) {
    const entry = agentRows.get(member.id) ?? { row: member, queueIds: [] };
    entry.queueIds.push(member.queueId);
    agentRows.set(member.id, entry);
  }
  const holdings = await holdingsOf(db, [...agentRows.keys()], now);
  const agents = [...agentRows.values()].map(({ row, queueIds: memberOf }) => routingAgentOf(row, memberOf, holdings.get(row.id) ?? [], now));

  return { waiting, agents, queues: queueRows.map(routingQueueOf), workstreams: workstreamRules };
}

/** One user as routing sees them now (effective presence, capacity, load), for Accept and a transfer to them; undefined if not an agent or administrator. */
export async function agentStanding(db: Queryable, userId: string, now: Date) {
  const [row] = await db
    .select(agentColumns)
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ['agent', 'admin'])));
  if (!row) return undefined;
  const workstreamRules = await allDistributionRules(db);
  const holdings = await holdingsOf(db, [row.id], now);
  const agent = routingAgentOf(row, [], holdings.get(row.id) ?? [], now);
  return { agent, name: row.name, load: agentLoad(agent, workstreamRules, now), rulesOf: (id: string | null) => workstreamRules.find((w) => w.id === id) };
}

/** Every agent and administrator as routing sees them now, for the choice of whom to transfer to. */
export async function everyAgentStanding(db: Queryable, now: Date) {
  const rows = await db.select(agentColumns).from(users).where(inArray(users.role, ['agent', 'admin']));
  const workstreamRules = await allDistributionRules(db);
  const holdings = await holdingsOf(db, rows.map((row) => row.id), now);
  const agents = rows.map((row) => {
    const agent = routingAgentOf(row, [], holdings.get(row.id) ?? [], now);
    return { agent, name: row.name, load: agentLoad(agent, workstreamRules, now) };
  });
  return { agents, rulesOf: (id: string | null) => workstreamRules.find((w) => w.id === id) };
}
