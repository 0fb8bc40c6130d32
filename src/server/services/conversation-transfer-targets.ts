import type { Conversation, TransferTargets } from '@/api/contract/conversation';
import { notYourConversationDetail } from '@/api/contract/problem-bodies';
import { compareNames } from '@/domain/list-order';
import { isOpenAt } from '@/domain/operating-hours';
import { refusalFor, rulesWithoutWorkstream } from '@/domain/work-distribution/assignment';
import type { Queryable } from '../db/database';
import { queues } from '../db/schema';
import type { Viewer } from './conversation-views';
import { refuse } from './refused';
import { everyAgentStanding } from './routing-state';

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * GET /api/conversations/:id/transfer-targets: every queue (open now or not) and every agent but
 * the one holding it, each with whether they may take it now, as a transfer to them would decide.
 */
export async function transferTargets(db: Queryable, viewer: Viewer, conversation: Conversation, now: Date): Promise<TransferTargets> {
  if (viewer.role !== 'admin' && conversation.assigneeId !== viewer.id) throw refuse.forbidden(notYourConversationDetail);
  const queueRows = await db.select({ id: queues.id, name: queues.name, operatingHours: queues.operatingHours }).from(queues);
  const standings = await everyAgentStanding(db, now);
  const rules = standings.rulesOf(conversation.workstreamId) ?? rulesWithoutWorkstream(conversation.workstreamId);
  return {
    queues: queueRows.map((queue) => ({ id: queue.id, name: queue.name, open: isOpenAt(queue.operatingHours, now) })).sort(byName),
    agents: standings.agents
      .filter(({ agent }) => agent.id !== conversation.assigneeId)
      .map(({ agent, name, load }) => {
        const refusal = refusalFor(agent, load, rules);
        return { id: agent.id, name, presence: agent.presence, eligible: refusal === null, refusal };
      })
      .sort(byName),
  };
}
