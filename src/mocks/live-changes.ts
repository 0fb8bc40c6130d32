import type { ConversationRuntime } from './conversation-runtime';
import { toConversation } from './conversations-db';
import type { MockDb, StoredMessage } from './db';

/**
 * Tells the event streams what a write changed: each conversation as it is now, then the
 * messages written; outbound ones start their simulated delivery (notes are never sent).
 */
export function publishChanges(db: MockDb, runtime: ConversationRuntime, conversationIds: Iterable<string>, messages: readonly StoredMessage[] = []): void {
  const now = runtime.now();
  for (const id of new Set(conversationIds)) {
    const stored = db.data.conversations.find((c) => c.id === id);
    if (stored) runtime.publish({ type: 'conversation', conversation: toConversation(db.data, stored, now) });
  }
  for (const message of messages) {
    runtime.publish({ type: 'message', message: structuredClone(message) });
    if (message.direction === 'outbound') runtime.deliver(message.id);
  }
}
