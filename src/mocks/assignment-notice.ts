import type { LiveEvent } from '@/api/contract/live-event';
import { assignmentNotification } from '@/domain/notifications';
import type { ConversationRuntime } from './conversation-runtime';
import type { MockData, MockDb } from './db';

/**
 * The "assignment" live event of a conversation just given to someone (by the assignment pass
 * or a transfer, never their own Accept): only what the workstream's notification template
 * shows, with the customer's latest words as the preview, as the server.
 */
export function assignmentEvent(data: Readonly<MockData>, conversationId: string): LiveEvent | null {
  const conversation = data.conversations.find((c) => c.id === conversationId);
  if (!conversation?.assigneeId) return null;
  const workstream = data.workstreams.find((w) => w.id === conversation.workstreamId);
  const queue = data.queues.find((q) => q.id === conversation.queueId);
  const latest = data.messages.findLast((m) => m.conversationId === conversationId && m.author === 'customer');
  const notification = assignmentNotification(workstream?.advanced.notificationTemplate ?? 'messagingIncoming', {
    queueName: queue?.name ?? null,
    customerName: conversation.customer.profileName ?? conversation.customer.phone,
    preview: latest?.body ?? '',
  });
  return { type: 'assignment', conversationId, assigneeId: conversation.assigneeId, notification };
}

/** Tells each assignee (and only them: see mayReceive) of the conversations just given to them. */
export function notifyAssignees(db: MockDb, runtime: ConversationRuntime, conversationIds: Iterable<string>): void {
  for (const id of conversationIds) {
    const event = assignmentEvent(db.data, id);
    if (event) runtime.publish(event);
  }
}
