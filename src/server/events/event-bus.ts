import type { LiveEvent } from '@/api/contract/live-event';

/** Who may see an event: the SSE route checks it against the signed-in user. */
export interface EventAudience {
  /** The conversation's queue: its members see it; null means administrators and the assignee only. */
  queueId: string | null;
  assigneeId: string | null;
  /** For the assignee alone, administrators neither: their own notification. */
  personal?: boolean;
}

export interface PublishedEvent {
  event: LiveEvent;
  audience: EventAudience;
}

/**
 * Live events for the agent view. Published after the transaction that made them has
 * committed; with PostgreSQL they travel through LISTEN/NOTIFY to every instance.
 */
export interface EventBus {
  publish(published: PublishedEvent): Promise<void>;
  subscribe(listener: (published: PublishedEvent) => void): () => void;
  close(): Promise<void>;
}
