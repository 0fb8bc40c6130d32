import type { EventBus, PublishedEvent } from './event-bus';

/** One server instance's bus: listeners in this process only (PGlite, or a single instance). */
export function createMemoryEventBus(): EventBus & { deliver(published: PublishedEvent): void } {
  const listeners = new Set<(published: PublishedEvent) => void>();
  const deliver = (published: PublishedEvent) => {
    for (const listener of listeners) {
      try {
        listener(published);
      } catch {
        // One broken connection must not keep the event from the others.
      }
    }
  };
  return {
    deliver,
    async publish(published) {
      deliver(published);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
