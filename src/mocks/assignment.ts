import { planAssignments, type PlannedAssignment } from '@/domain/work-distribution/assignment';
import type { ConversationRuntime } from './conversation-runtime';
import type { MockDb, StoredMessage } from './db';
import { notifyAssignees } from './assignment-notice';
import { publishChanges } from './live-changes';
import { routingStateOf } from './routing-state';
import { announceAssignment } from './system-messages';

/** How often the demo runs the pass for what only time changes: a queue opening, wrap-up ending, a skill fallback. */
export const DEMO_ASSIGNMENT_SWEEP_MS = 5000;

/**
 * The mock's assignment pass, as the server's: the domain plans, this writes. Each planned
 * conversation goes to its agent only if it is still unassigned; the agent's last
 * assignment time moves, the "agent assigned" message (or its note) is written, and every
 * change is published, and each assignee gets the "assignment" notification. Answers the
 * assignments made.
 */
export function runAssignmentPass(db: MockDb, runtime: ConversationRuntime): PlannedAssignment[] {
  const now = runtime.now();
  const plan = planAssignments(routingStateOf(db.data, now), now);
  if (plan.length === 0) return [];
  const { made, written } = db.write((draft) => {
    const made: PlannedAssignment[] = [];
    const written: StoredMessage[] = [];
    for (const planned of plan) {
      const conversation = draft.conversations.find((c) => c.id === planned.conversationId);
      const agent = draft.users.find((u) => u.id === planned.agentId);
      if (!conversation || !agent || conversation.status !== 'open' || conversation.assigneeId !== null) continue;
      conversation.assigneeId = agent.id;
      conversation.releasedBy = null;
      conversation.version += 1;
      agent.lastAssignedAt = now.toISOString();
      const message = announceAssignment(draft, conversation, agent, now);
      if (message) written.push(message);
      made.push(planned);
    }
    return { made, written };
  });
  publishChanges(db, runtime, made.map((m) => m.conversationId), written);
  notifyAssignees(db, runtime, made.map((m) => m.conversationId));
  return made;
}

/** Runs the pass every so often, for what changes with time alone; answers how to stop it. */
export function startAssignmentSweep(db: MockDb, runtime: ConversationRuntime, everyMs = DEMO_ASSIGNMENT_SWEEP_MS): () => void {
  const timer = setInterval(() => runAssignmentPass(db, runtime), everyMs);
  return () => clearInterval(timer);
}
