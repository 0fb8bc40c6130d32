import type { WaitReason } from '@/api/contract/conversation';
import {
  agentLoad,
  waitReasonOf,
  type DistributionRules,
  type RoutingAgent,
  type RoutingQueue,
  type RoutingState,
  type WaitingConversation,
} from '@/domain/work-distribution/assignment';
import type { MockData, StoredConversation, StoredQueue, StoredUser, StoredWorkstream } from './db';
import { memberQueueIds, presenceOf } from './people';

/*
 * The mock's data in the shapes of the domain's assignment decision, so that the demo
 * decides exactly as the server does: the same planAssignments, refusalFor and waitReasonOf.
 */

export function distributionRulesOf(workstream: StoredWorkstream): DistributionRules {
  return {
    id: workstream.id,
    distributionMode: workstream.distributionMode,
    allowedPresences: workstream.allowedPresences,
    skillMatching: workstream.skillMatching,
    skillFallbackMinutes: workstream.skillFallbackMinutes,
    keepSameAgent: workstream.keepSameAgent,
    keepSameAgentDays: workstream.keepSameAgentDays,
    capacity: workstream.capacity,
    blockCapacityForWrapUp: workstream.blockCapacityForWrapUp,
    wrapUpMinutes: workstream.wrapUpMinutes,
  };
}

export function routingQueueOf(queue: StoredQueue): RoutingQueue {
  return { id: queue.id, priority: queue.priority, operatingHours: queue.operatingHours };
}

/** Conversations of accounts that still exist (an account's deletion takes them along, as the database's cascade does). */
function liveConversations(data: Readonly<MockData>): StoredConversation[] {
  const accounts = new Set(data.accounts.map((a) => a.id));
  return data.conversations.filter((c) => accounts.has(c.accountId));
}

export function routingAgentOf(data: Readonly<MockData>, user: StoredUser, now: Date): RoutingAgent {
  return {
    id: user.id,
    presence: presenceOf(user, now),
    capacity: user.capacity,
    skills: user.skills,
    queueIds: memberQueueIds(data, user.id),
    lastAssignedAt: user.lastAssignedAt,
    // Closed ones too: the domain keeps those still in wrap-up and drops the rest.
    holdings: liveConversations(data)
      .filter((c) => c.assigneeId === user.id)
      .map((c) => ({ workstreamId: c.workstreamId, closedAt: c.status === 'open' ? null : c.closedAt })),
  };
}

/** Units in use now, as Accept and a transfer to an agent check them. */
export function loadOfUser(data: Readonly<MockData>, user: StoredUser, now: Date) {
  return agentLoad(routingAgentOf(data, user, now), data.workstreams.map(distributionRulesOf), now);
}

/** The assignee of the customer's latest closed conversation on the same number, and when it closed. */
function previousAgentOf(data: Readonly<MockData>, conversation: StoredConversation): WaitingConversation['previousAgent'] {
  const previous = data.conversations
    .filter(
      (c) =>
        c.status === 'closed' &&
        c.closedAt !== null &&
        c.accountId === conversation.accountId &&
        c.businessNumber === conversation.businessNumber &&
        c.customer.waId === conversation.customer.waId,
    )
    .sort((a, b) => Date.parse(b.closedAt!) - Date.parse(a.closedAt!))[0];
  return previous?.assigneeId && previous.closedAt ? { id: previous.assigneeId, closedAt: previous.closedAt } : null;
}

/** Open, unassigned, not with the bot, in a queue and a workstream that still exist: what the pass may assign. */
export function isWaiting(data: Readonly<MockData>, conversation: StoredConversation): boolean {
  return (
    conversation.status === 'open' &&
    // A conversation with the workstream's bot reaches agents only when the bot hands it over.
    conversation.bot?.active !== true &&
    conversation.assigneeId === null &&
    conversation.queueId !== null &&
    conversation.workstreamId !== null &&
    data.queues.some((q) => q.id === conversation.queueId) &&
    data.workstreams.some((w) => w.id === conversation.workstreamId)
  );
}

export function routingStateOf(data: Readonly<MockData>, now: Date): RoutingState {
  return {
    waiting: liveConversations(data)
      .filter((c) => isWaiting(data, c))
      .map((c) => ({
        id: c.id,
        queueId: c.queueId!,
        workstreamId: c.workstreamId!,
        queuedAt: c.queuedAt,
        requiredSkills: c.requiredSkills,
        previousAgent: previousAgentOf(data, c),
        releasedBy: c.releasedBy ?? null,
      })),
    agents: data.users.map((user) => routingAgentOf(data, user, now)),
    queues: data.queues.map(routingQueueOf),
    workstreams: data.workstreams.map(distributionRulesOf),
  };
}

/** Why an open, unassigned conversation waits; null when it is assigned or closed. */
export function waitReasonOfConversation(data: Readonly<MockData>, conversation: StoredConversation, now: Date): WaitReason | null {
  if (conversation.status !== 'open' || conversation.assigneeId !== null) return null;
  if (conversation.bot?.active) return 'bot';
  const queue = data.queues.find((q) => q.id === conversation.queueId);
  const workstream = data.workstreams.find((w) => w.id === conversation.workstreamId);
  const reason = waitReasonOf(queue && routingQueueOf(queue), workstream && distributionRulesOf(workstream), now);
  // Without a workstream nobody assigns it: it waits to be picked, as its view says (as the server).
  return workstream || reason === 'outOfHours' ? reason : 'pick';
}
