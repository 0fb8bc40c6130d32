import { describe, expect, it } from 'vitest';
import { planAssignments, refusalFor, agentLoad, waitReasonOf, type DistributionRules, type RoutingAgent, type RoutingState, type WaitingConversation } from './assignment';

const now = new Date('2026-03-10T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

const rules = (overrides: Partial<DistributionRules> = {}): DistributionRules => ({
  id: 'w1',
  distributionMode: 'push',
  capacity: { mode: 'unit', value: 1 },
  blockCapacityForWrapUp: false,
  wrapUpMinutes: 5,
  allowedPresences: ['available', 'busy'],
  skillMatching: 'none',
  skillFallbackMinutes: 10,
  keepSameAgent: false,
  keepSameAgentDays: 7,
  ...overrides,
});

const agent = (id: string, overrides: Partial<RoutingAgent> = {}): RoutingAgent => ({
  id,
  presence: 'available',
  capacity: 3,
  skills: [],
  queueIds: ['q1'],
  lastAssignedAt: null,
  holdings: [],
  ...overrides,
});

const waiting = (id: string, overrides: Partial<WaitingConversation> = {}): WaitingConversation => ({
  id,
  queueId: 'q1',
  workstreamId: 'w1',
  queuedAt: minutesAgo(1),
  requiredSkills: [],
  previousAgent: null,
  releasedBy: null,
  ...overrides,
});

const state = (overrides: Partial<RoutingState>): RoutingState => ({
  waiting: [],
  agents: [],
  queues: [{ id: 'q1', priority: 5, operatingHours: null }],
  workstreams: [rules()],
  ...overrides,
});

const open = (n: number) => Array.from({ length: n }, () => ({ workstreamId: 'w1', closedAt: null }));

describe('planAssignments', () => {
  it('gives the conversation to the least loaded member', () => {
    const plan = planAssignments(state({ waiting: [waiting('c1')], agents: [agent('a', { holdings: open(2) }), agent('b', { holdings: open(1) })] }), now);
    expect(plan).toEqual([{ conversationId: 'c1', agentId: 'b', reason: 'best' }]);
  });

  it('breaks a tie for whoever has waited longest since their last assignment, and never floods one agent', () => {
    const agents = [agent('a', { lastAssignedAt: minutesAgo(1) }), agent('b', { lastAssignedAt: minutesAgo(30) }), agent('c', { lastAssignedAt: minutesAgo(10) })];
    const plan = planAssignments(state({ waiting: [waiting('c1'), waiting('c2'), waiting('c3')], agents }), now);
    expect(plan.map((p) => p.agentId)).toEqual(['b', 'c', 'a']);
  });

  it('skips members whose presence the workstream does not allow, and everyone Offline', () => {
    const agents = [agent('a', { presence: 'away' }), agent('b', { presence: 'offline' }), agent('c', { presence: 'busy', holdings: open(2) })];
    expect(planAssignments(state({ waiting: [waiting('c1')], agents }), now).map((p) => p.agentId)).toEqual(['c']);
  });

  it('leaves a conversation waiting when nobody has room, counting the cost of each', () => {
    const plan = planAssignments(
      state({
        waiting: [waiting('c1'), waiting('c2')],
        agents: [agent('a', { holdings: [{ workstreamId: null, closedAt: null }] })],
        workstreams: [rules({ capacity: { mode: 'unit', value: 2 } })],
      }),
      now,
    );
    // 1 unit held (a conversation without a workstream) + 2 = 3 fits once; a second would need 5.
    expect(plan.map((p) => p.conversationId)).toEqual(['c1']);
  });

  it('holds a closed conversation’s cost during wrap-up only when the workstream blocks it', () => {
    const justClosed = [{ workstreamId: 'w1', closedAt: minutesAgo(2) }, ...open(2)];
    const blocking = state({ waiting: [waiting('c1')], agents: [agent('a', { holdings: justClosed })], workstreams: [rules({ blockCapacityForWrapUp: true, wrapUpMinutes: 5 })] });
    expect(planAssignments(blocking, now)).toEqual([]);
    expect(planAssignments(blocking, new Date(now.getTime() + 3 * 60_000))).toHaveLength(1);
    expect(planAssignments({ ...blocking, workstreams: [rules({ blockCapacityForWrapUp: false })] }, now)).toHaveLength(1);
  });

  it('in profile mode caps the workstream’s conversations per agent', () => {
    const profile = state({ waiting: [waiting('c1')], agents: [agent('a', { capacity: 10, holdings: open(2) })], workstreams: [rules({ capacity: { mode: 'profile', value: 2 } })] });
    expect(planAssignments(profile, now)).toEqual([]);
  });

  it('serves queues by priority, then by the time conversations entered their queue', () => {
    const plan = planAssignments(
      state({
        waiting: [waiting('late', { queuedAt: minutesAgo(1) }), waiting('early', { queuedAt: minutesAgo(9) }), waiting('urgent', { queueId: 'q0', queuedAt: minutesAgo(0) })],
        agents: [agent('a', { capacity: 2, queueIds: ['q0', 'q1'] })],
        queues: [
          { id: 'q0', priority: 1, operatingHours: null },
          { id: 'q1', priority: 5, operatingHours: null },
        ],
      }),
      now,
    );
    expect(plan.map((p) => p.conversationId)).toEqual(['urgent', 'early']);
  });

  it('leaves pick-mode conversations and closed queues alone', () => {
    const closed = { timeZone: 'Europe/Helsinki', periods: [{ day: 'tue' as const, open: '08:00', close: '09:00' }] };
    const plan = planAssignments(
      state({
        waiting: [waiting('picked', { workstreamId: 'w2' }), waiting('night', { queueId: 'q2' })],
        agents: [agent('a', { queueIds: ['q1', 'q2'] })],
        queues: [
          { id: 'q1', priority: 5, operatingHours: null },
          { id: 'q2', priority: 5, operatingHours: closed },
        ],
        workstreams: [rules(), rules({ id: 'w2', distributionMode: 'pick' })],
      }),
      now,
    );
    expect(plan).toEqual([]);
  });

  it('with exact matching waits for an agent with every skill, then after the fallback wait takes anyone eligible', () => {
    const required = [{ name: 'Finnish', level: 5 }];
    const agents = [agent('novice', { skills: [{ name: 'finnish', level: 3 }] }), agent('plain')];
    const exact = rules({ skillMatching: 'exact', skillFallbackMinutes: 10 });
    expect(planAssignments(state({ waiting: [waiting('c1', { requiredSkills: required, queuedAt: minutesAgo(5) })], agents, workstreams: [exact] }), now)).toEqual([]);
    expect(planAssignments(state({ waiting: [waiting('c1', { requiredSkills: required, queuedAt: minutesAgo(11) })], agents, workstreams: [exact] }), now)).toHaveLength(1);
    expect(
      planAssignments(state({ waiting: [waiting('c1', { requiredSkills: required, queuedAt: minutesAgo(60) })], agents, workstreams: [rules({ skillMatching: 'exact', skillFallbackMinutes: null })] }), now),
    ).toEqual([]);
    const expert = agent('expert', { skills: [{ name: 'Finnish', level: 8 }], holdings: open(2) });
    expect(planAssignments(state({ waiting: [waiting('c1', { requiredSkills: required })], agents: [...agents, expert], workstreams: [exact] }), now)[0]?.agentId).toBe('expert');
  });

  it('with closest matching prefers the best coverage over the lightest load; with none ignores skills', () => {
    const required = [
      { name: 'Finnish', level: 1 },
      { name: 'Billing', level: 1 },
    ];
    const agents = [agent('one', { skills: [{ name: 'Finnish', level: 9 }] }), agent('both', { skills: [{ name: 'Finnish', level: 2 }, { name: 'Billing', level: 2 }], holdings: open(2) })];
    const conversation = waiting('c1', { requiredSkills: required });
    expect(planAssignments(state({ waiting: [conversation], agents, workstreams: [rules({ skillMatching: 'closest' })] }), now)[0]?.agentId).toBe('both');
    expect(planAssignments(state({ waiting: [conversation], agents, workstreams: [rules({ skillMatching: 'none' })] }), now)[0]?.agentId).toBe('one');
  });

  it('keeps the same agent for a returning customer within the days set, when that agent is eligible now', () => {
    const agents = [agent('fresh'), agent('previous', { holdings: open(2) })];
    const returning = (daysAgo: number) => waiting('c1', { previousAgent: { id: 'previous', closedAt: minutesAgo(daysAgo * 1440) } });
    const keep = rules({ keepSameAgent: true, keepSameAgentDays: 7 });
    expect(planAssignments(state({ waiting: [returning(2)], agents, workstreams: [keep] }), now)[0]).toMatchObject({ agentId: 'previous', reason: 'sameAgent' });
    expect(planAssignments(state({ waiting: [returning(8)], agents, workstreams: [keep] }), now)[0]?.agentId).toBe('fresh');
    expect(planAssignments(state({ waiting: [returning(2)], agents, workstreams: [rules({ keepSameAgent: false })] }), now)[0]?.agentId).toBe('fresh');
    const previousAway = [agent('fresh'), agent('previous', { presence: 'away' })];
    expect(planAssignments(state({ waiting: [returning(2)], agents: previousAway, workstreams: [keep] }), now)[0]?.agentId).toBe('fresh');
  });

  it('does not give a released conversation straight back to the agent who released it', () => {
    const agents = [agent('releaser'), agent('other', { holdings: open(2) })];
    expect(planAssignments(state({ waiting: [waiting('c1', { releasedBy: 'releaser' })], agents }), now)[0]?.agentId).toBe('other');
    expect(planAssignments(state({ waiting: [waiting('c1', { releasedBy: 'releaser' })], agents: [agent('releaser')] }), now)).toEqual([]);
  });

  it('gives conversations only to members of their queue', () => {
    expect(planAssignments(state({ waiting: [waiting('c1')], agents: [agent('a', { queueIds: ['other'] })] }), now)).toEqual([]);
  });
});

describe('refusalFor', () => {
  it('names presence before capacity', () => {
    const full = agent('a', { presence: 'away', holdings: open(3) });
    expect(refusalFor(full, agentLoad(full, [rules()], now), rules())).toBe('presence');
    const busyFull = agent('a', { presence: 'busy', holdings: open(3) });
    expect(refusalFor(busyFull, agentLoad(busyFull, [rules()], now), rules())).toBe('capacity');
    const roomy = agent('a', { holdings: open(2) });
    expect(refusalFor(roomy, agentLoad(roomy, [rules()], now), rules())).toBeNull();
  });
});

describe('waitReasonOf', () => {
  it('says the queue is closed before anything else', () => {
    const closed = { id: 'q', priority: 1, operatingHours: { timeZone: 'UTC', periods: [{ day: 'mon' as const, open: '08:00', close: '09:00' }] } };
    expect(waitReasonOf(closed, rules(), now)).toBe('outOfHours');
    expect(waitReasonOf({ ...closed, operatingHours: null }, rules({ distributionMode: 'pick' }), now)).toBe('pick');
    expect(waitReasonOf({ ...closed, operatingHours: null }, rules(), now)).toBe('noAgent');
  });
});
