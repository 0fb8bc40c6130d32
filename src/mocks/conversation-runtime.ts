import type { LiveEvent } from '@/api/contract/live-event';
import type { MockDb } from './db';
import { failDelivery, stepDelivery } from './delivery';
import { createMediaStore } from './media-store';
import { seededMediaBytes } from './seed-conversations';
import { toConversation } from './conversations-db';

export interface ConversationRuntimeOptions {
  /**
   * Milliseconds before each delivery step of an outbound message (queued, sent, delivered,
   * read). Null: messages stay where they are until deliverAll() is called (tests).
   */
  deliveryStepsMs?: readonly number[] | null;
  /** Bytes of seeded attachments, by media id. */
  seededMedia?: Record<string, () => Uint8Array>;
  /** Milliseconds the workstream's bot takes to answer; null: it answers at once (tests). */
  botAnswerMs?: number | null;
}

/** The demo's pace: ticks appear one after another, as on a phone. */
export const DEMO_DELIVERY_STEPS_MS = [600, 1200, 1500, 3500] as const;
/** The demo's bot answers after a moment, as a real one over the network would. */
export const DEMO_BOT_ANSWER_MS = 500;

/**
 * What the conversation handlers share besides the data: the clock (which tests move for
 * the 24-hour window), the live events of GET /api/events, the bytes of attachments, and
 * the simulated delivery of outbound messages.
 */
export function createConversationRuntime(db: MockDb, options: ConversationRuntimeOptions = {}) {
  const steps = options.deliveryStepsMs ?? null;
  const botAnswerMs = options.botAnswerMs ?? null;
  let offsetMs = 0;
  const listeners = new Set<(event: LiveEvent) => void>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const undelivered = new Set<string>();
  const media = createMediaStore(options.seededMedia ?? seededMediaBytes);

  function publish(event: LiveEvent): void {
    for (const listener of listeners) listener(event);
  }

  /** One status step of one message, published; false when it had nowhere to go. */
  function step(messageId: string): boolean {
    const moved = db.write((draft) => stepDelivery(draft, messageId));
    if (!moved) {
      undelivered.delete(messageId);
      return false;
    }
    publish({ type: 'message', message: structuredClone(moved) });
    return true;
  }

  /** Twilio refuses the message; a window it closed is published with the conversation. */
  function fail(messageId: string, errorCode: string): void {
    undelivered.delete(messageId);
    const failed = db.write((draft) => failDelivery(draft, messageId, errorCode));
    if (!failed) return;
    publish({ type: 'message', message: structuredClone(failed.message) });
    if (failed.closed) publish({ type: 'conversation', conversation: toConversation(db.data, failed.closed, now()) });
  }

  function later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, delayMs);
    timers.add(timer);
  }

  function walk(messageId: string, index: number): void {
    const delay = steps?.[index];
    if (delay === undefined) return;
    later(delay, () => {
      if (step(messageId)) walk(messageId, index + 1);
    });
  }

  /** Stops the timers of pending deliveries. */
  function stop(): void {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  }

  const now = (): Date => new Date(Date.now() + offsetMs);
  /** The code Twilio answers the next agent reply with (the demo's fault injection), or null. */
  let refuseNextReply: string | null = null;

  return {
    now,
    /** Moves the mock's clock forward (the API scenario suite's advanceTime). */
    advance(ms: number): void {
      offsetMs += ms;
    },
    media,
    publish,
    subscribe(listener: (event: LiveEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Starts the simulated delivery of an outbound message that was just written. */
    deliver(messageId: string): void {
      undelivered.add(messageId);
      const refusal = refuseNextReply;
      const byAgent = refusal !== null && db.data.messages.some((m) => m.id === messageId && m.author === 'agent');
      if (byAgent) {
        refuseNextReply = null;
        // Tests (no delivery timers) see the refusal at once.
        if (steps === null) fail(messageId, refusal);
        else later(steps[0] ?? 0, () => fail(messageId, refusal));
        return;
      }
      walk(messageId, 0);
    },
    /** Twilio refuses `messageId` with `errorCode` (a failed status callback). */
    fail,
    /** Twilio refuses the next agent reply with `errorCode`, as 63016 when its clock says the window is closed. */
    refuseNextReply(errorCode: string): void {
      refuseNextReply = errorCode;
    },
    /** Runs the bot's turn when the bot would have answered: later in the demo, at once in tests. */
    whenBotAnswers(run: () => void): void {
      if (botAnswerMs === null) run();
      else later(botAnswerMs, run);
    },
    /** Moves every message sent so far to the end of its way (read); for tests. */
    deliverAll(): void {
      for (const id of [...undelivered]) while (step(id));
    },
    stop,
    /** Back to the real time and nothing in flight, for a test that starts afresh. */
    reset(): void {
      stop();
      undelivered.clear();
      offsetMs = 0;
      refuseNextReply = null;
    },
  };
}

export type ConversationRuntime = ReturnType<typeof createConversationRuntime>;
