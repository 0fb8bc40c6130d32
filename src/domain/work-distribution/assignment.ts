import { isOpenAt, type OpeningPeriod } from '../operating-hours';
import { hasRoomFor, loadOf, unitCost, type CapacityRule, type Holding } from './capacity';
import type { Presence, RoutablePresence } from './presence';
import { hasEverySkill, skillCoverage, type Skill } from './skills';

/*
 * Unified routing's one decision, used by the server and the demo's mock alike: which
 * waiting conversation goes to which agent now. Pure: the callers load the state, call
 * planAssignments, and write what it returns (the server under one lock, see
 * docs/decisions/0024).
 */

export type SkillMatching = 'exact' | 'closest' | 'none';

/** A workstream's distribution settings. */
export interface DistributionRules extends CapacityRule {
  id: string;
  distributionMode: 'push' | 'pick';
  allowedPresences: readonly RoutablePresence[];
  skillMatching: SkillMatching;
  /** Minutes an "exact" conversation waits for a skilled agent before anyone eligible may take it; null: it waits. */
  skillFallbackMinutes: number | null;
  keepSameAgent: boolean;
  keepSameAgentDays: number;
}

export interface RoutingAgent {
  id: string;
  /** The effective presence (see effectivePresence). */
  presence: Presence;
  /** Units (DEFAULT_USER_CAPACITY by default). */
  capacity: number;
  skills: readonly Skill[];
  queueIds: readonly string[];
  /** The last time a conversation was assigned to them; null if never. */
  lastAssignedAt: string | null;
  /** Their open conversations and those closed recently enough to be in wrap-up. */
  holdings: readonly Holding[];
}

export interface RoutingQueue {
  id: string;
  /** 1 is served first, 10 last. */
  priority: number;
  operatingHours: { timeZone: string; periods: readonly OpeningPeriod[] } | null;
}

export interface WaitingConversation {
  id: string;
  queueId: string;
  workstreamId: string;
  /** When it entered its queue (arrival, transfer or release): the order within a queue. */
  queuedAt: string;
  requiredSkills: readonly Skill[];
  /** The agent of the customer's previous conversation, and when that one closed. */
  previousAgent: { id: string; closedAt: string } | null;
  /** The agent who released it back to the queue: it does not go straight back to them. */
  releasedBy: string | null;
}

export interface PlannedAssignment {
  conversationId: string;
  agentId: string;
  /** Why this agent: kept from the previous conversation, or the best of the eligible. */
  reason: 'sameAgent' | 'best';
}

export interface RoutingState {
  waiting: readonly WaitingConversation[];
  agents: readonly RoutingAgent[];
  queues: readonly RoutingQueue[];
  workstreams: readonly DistributionRules[];
}

export type WaitReason = 'outOfHours' | 'noAgent' | 'pick';

/**
 * The rules of a conversation whose workstream is gone (its setup was removed): nobody pushes
 * it, it costs one unit, and any presence but Offline may take it by Accept or transfer.
 */
export function rulesWithoutWorkstream(workstreamId: string | null): DistributionRules {
  return {
    id: workstreamId ?? '',
    distributionMode: 'pick',
    capacity: { mode: 'unit', value: 1 },
    blockCapacityForWrapUp: false,
    wrapUpMinutes: 0,
    allowedPresences: ['available', 'busy', 'doNotDisturb', 'away'],
    skillMatching: 'none',
    skillFallbackMinutes: null,
    keepSameAgent: false,
    keepSameAgentDays: 1,
  };
}

/** Why an unassigned conversation is still waiting: its queue is closed, it waits to be picked, or nobody can take it. */
export function waitReasonOf(queue: RoutingQueue | undefined, rules: DistributionRules | undefined, now: Date): WaitReason {
  if (queue && !isOpenAt(queue.operatingHours, now)) return 'outOfHours';
  return rules?.distributionMode === 'pick' ? 'pick' : 'noAgent';
}

interface AgentState {
  agent: RoutingAgent;
  load: { units: number; byWorkstream: Map<string, number> };
  lastAssignedMs: number;
}

export type Refusal = 'presence' | 'capacity';

/** Whether this agent may take one more conversation of the workstream now: an allowed presence and room. */
export function refusalFor(
  agent: Pick<RoutingAgent, 'presence' | 'capacity'>,
  load: { units: number; byWorkstream: ReadonlyMap<string, number> },
  rules: DistributionRules,
): Refusal | null {
  if (!(rules.allowedPresences as readonly Presence[]).includes(agent.presence)) return 'presence';
  if (!hasRoomFor(load, agent.capacity, rules.id, rules)) return 'capacity';
  return null;
}

function capacityRules(workstreams: readonly DistributionRules[]): Map<string, CapacityRule> {
  return new Map(workstreams.map((w) => [w.id, w]));
}

/** An agent's load now, for a single check such as Accept or a transfer to them. */
export function agentLoad(agent: Pick<RoutingAgent, 'holdings'>, workstreams: readonly DistributionRules[], now: Date) {
  return loadOf(agent.holdings, capacityRules(workstreams), now);
}

/** Least loaded (by share of capacity) first, then whoever has waited longest since their last assignment. */
function compareFairness(a: AgentState, b: AgentState): number {
  const share = a.load.units / a.agent.capacity - b.load.units / b.agent.capacity;
  if (share !== 0) return share;
  return a.lastAssignedMs - b.lastAssignedMs || (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0);
}

function chooseAgent(conversation: WaitingConversation, rules: DistributionRules, candidates: AgentState[], now: Date): PlannedAssignment | null {
  const eligible = candidates.filter((state) => state.agent.id !== conversation.releasedBy && refusalFor(state.agent, state.load, rules) === null);
  if (eligible.length === 0) return null;

  const required = conversation.requiredSkills;
  let pool = eligible;
  if (rules.skillMatching === 'exact' && required.length > 0) {
    const waitedMs = now.getTime() - new Date(conversation.queuedAt).getTime();
    const fallback = rules.skillFallbackMinutes !== null && waitedMs >= rules.skillFallbackMinutes * 60_000;
    const skilled = eligible.filter((state) => hasEverySkill(state.agent.skills, required));
    pool = skilled.length > 0 || !fallback ? skilled : eligible;
    if (pool.length === 0) return null;
  }

  const previous = conversation.previousAgent;
  if (rules.keepSameAgent && previous && now.getTime() - new Date(previous.closedAt).getTime() <= rules.keepSameAgentDays * 86_400_000) {
    const same = pool.find((state) => state.agent.id === previous.id);
    if (same) return { conversationId: conversation.id, agentId: same.agent.id, reason: 'sameAgent' };
  }

  const coverage = (state: AgentState) => (rules.skillMatching === 'closest' ? skillCoverage(state.agent.skills, required) : 0);
  const best = pool.reduce((a, b) => {
    const byCoverage = coverage(b) - coverage(a);
    if (byCoverage !== 0) return byCoverage > 0 ? b : a;
    return compareFairness(b, a) < 0 ? b : a;
  });
  return { conversationId: conversation.id, agentId: best.agent.id, reason: 'best' };
}

/**
 * The assignments to make now, in the order to make them: queues by priority, then
 * conversations by the time they entered their queue. Pick-mode workstreams and closed
 * queues are skipped; each assignment counts against the agent before the next is chosen,
 * so one pass never floods an agent.
 */
export function planAssignments(state: RoutingState, now: Date): PlannedAssignment[] {
  const rulesById = new Map(state.workstreams.map((w) => [w.id, w]));
  const queueById = new Map(state.queues.map((q) => [q.id, q]));
  const capacity = capacityRules(state.workstreams);
  const openNow = new Map(state.queues.map((q) => [q.id, isOpenAt(q.operatingHours, now)]));

  const agentsByQueue = new Map<string, AgentState[]>();
  for (const agent of state.agents) {
    if (agent.presence === 'offline') continue;
    const agentState: AgentState = {
      agent,
      load: loadOf(agent.holdings, capacity, now),
      lastAssignedMs: agent.lastAssignedAt === null ? Number.NEGATIVE_INFINITY : new Date(agent.lastAssignedAt).getTime(),
    };
    for (const queueId of agent.queueIds) {
      const list = agentsByQueue.get(queueId) ?? [];
      list.push(agentState);
      agentsByQueue.set(queueId, list);
    }
  }

  const ordered = state.waiting
    .filter((c) => rulesById.get(c.workstreamId)?.distributionMode === 'push' && openNow.get(c.queueId) === true)
    .sort(
      (a, b) =>
        (queueById.get(a.queueId)?.priority ?? 10) - (queueById.get(b.queueId)?.priority ?? 10) ||
        a.queuedAt.localeCompare(b.queuedAt) ||
        a.id.localeCompare(b.id),
    );

  const planned: PlannedAssignment[] = [];
  const nowMs = now.getTime();
  for (const conversation of ordered) {
    const rules = rulesById.get(conversation.workstreamId)!;
    const candidates = agentsByQueue.get(conversation.queueId);
    if (!candidates) continue;
    const choice = chooseAgent(conversation, rules, candidates, now);
    if (!choice) continue;
    planned.push(choice);
    const chosen = candidates.find((s) => s.agent.id === choice.agentId)!;
    // The same object is in every queue's list the agent belongs to: one update counts everywhere.
    chosen.load.units += unitCost(rules);
    chosen.load.byWorkstream.set(rules.id, (chosen.load.byWorkstream.get(rules.id) ?? 0) + 1);
    chosen.lastAssignedMs = nowMs;
  }
  return planned;
}
