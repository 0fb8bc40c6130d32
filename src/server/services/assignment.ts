import { and, eq, sql } from 'drizzle-orm';
import { planAssignments } from '@/domain/work-distribution/assignment';
import type { ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { conversations, queues, users } from '../db/schema';
import { publishConversationChange } from './conversation-events';
import { writeNote } from './conversation-notes';
import { writeAssignments, type Assigned } from './assignment-batch';
import { notifyAssignee } from './assignment-notifications';
import { loadRoutingState } from './routing-state';

type PassContext = Pick<ServerContext, 'db' | 'now' | 'events' | 'wakeOutbox'>;
type Log = { warn(object: object, message: string): void; error(object: object, message: string): void };

/** The one key of pg_advisory_xact_lock that every assignment takes (docs/decisions/0024). */
export const ASSIGNMENT_LOCK_KEY = 1_742_017_017;

/**
 * Serialises what counts an agent's room in this transaction: a pass, an Accept, a transfer to an
 * agent. Two instances' passes then run one after the other, and the second sees the first's work.
 */
export async function lockAssignments(tx: Queryable): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ASSIGNMENT_LOCK_KEY})`);
}

export type { Assigned } from './assignment-batch';

/**
 * Gives a conversation to an agent if it is still open and unassigned, in the caller's transaction:
 * the agent's last assignment time, and the "agent assigned" message (or its note). Undefined
 * when someone else took it meanwhile.
 */
export async function assignConversation(tx: Queryable, conversationId: string, agentId: string, now: Date): Promise<Assigned | undefined> {
  const [done] = await writeAssignments(tx, [{ conversationId, agentId, reason: 'best' }], now);
  return done;
}

/** After the commit: wake the outbox for what was queued and tell the agents. */
export async function publishAssigned(context: PassContext, assigned: readonly Assigned[], log?: Pick<Log, 'warn'>): Promise<void> {
  if (assigned.some((a) => a.queuedOutbound)) context.wakeOutbox();
  for (const a of assigned) await publishConversationChange(context, a.conversationId, a.messageIds, log);
}

/**
 * The assignment pass: under the one lock, loads what waits and who can take it, lets the domain
 * plan (planAssignments), and writes each assignment where the conversation is still unassigned.
 * Returns how many conversations it assigned.
 */
export async function assignWaiting(context: PassContext, log?: Log): Promise<number> {
  const now = context.now();
  const assigned = await context.db.transaction(async (tx) => {
    await lockAssignments(tx);
    const state = await loadRoutingState(tx, now);
    if (!state) return [];
    return writeAssignments(tx, planAssignments(state, now), now);
  });
  await publishAssigned(context, assigned, log);
  for (const a of assigned) await notifyAssignee(context, a.conversationId, log);
  return assigned.length;
}

/**
 * A deleted user's open conversations go back to their queues, at the back of the line (queuedAt
 * now), each with a note; in the deleting transaction, before the user row goes. Returns the
 * conversations: publish them and request a pass after the commit.
 */
export async function returnConversationsOf(tx: Queryable, userId: string, now: Date): Promise<string[]> {
  // A pass in flight may be giving them one more: it finishes first, and this returns that one too.
  await lockAssignments(tx);
  const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  if (!user) return [];
  const returned = await tx
    .update(conversations)
    .set({ assigneeId: null, queuedAt: now.toISOString(), version: sql`${conversations.version} + 1` })
    .where(and(eq(conversations.assigneeId, userId), eq(conversations.status, 'open')))
    .returning({ id: conversations.id, queueId: conversations.queueId });
  for (const conversation of returned) {
    const [queue] = conversation.queueId ? await tx.select({ name: queues.name }).from(queues).where(eq(queues.id, conversation.queueId)) : [];
    await writeNote(tx, conversation.id, 'returnedToQueue', { agent: user.name, queue: queue?.name ?? '' }, now);
  }
  return returned.map((c) => c.id);
}

export interface AssignmentWorker {
  /** Runs a pass soon; resolves once a pass that started after this call has finished. Concurrent requests share one pass. */
  request(): Promise<void>;
  /** Starts the sweep: a pass every `sweepMs`, for what time alone changes (opening hours, wrap-up, skill fallback, staleness). */
  start(): void;
  /** Stops the sweep and waits for the pass in flight. */
  stop(): Promise<void>;
}

/** Runs the pass on request and on a sweep; a failed pass is logged, and the next one tries again. */
export function createAssignmentWorker(context: PassContext, options: { sweepMs: number; log?: Log }): AssignmentWorker {
  let running: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const pass = async () => {
    try {
      await assignWaiting(context, options.log);
    } catch (error) {
      options.log?.error({ reason: error instanceof Error ? error.message : String(error) }, 'assignment pass failed; the next one tries again');
    }
  };
  const begin = (): Promise<void> => {
    const run = pass().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };

  const request = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (queued) return queued;
    if (!running) return begin();
    // A pass in flight may have read the state before this change: one more after it, shared by every request meanwhile.
    queued = running.then(() => {
      queued = null;
      return stopped ? undefined : begin();
    });
    return queued;
  };

  return {
    request,
    start() {
      const sweep = () => {
        if (stopped) return;
        void request().finally(() => {
          if (stopped) return;
          timer = setTimeout(sweep, options.sweepMs);
          timer.unref();
        });
      };
      sweep();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      while (queued ?? running) await (queued ?? running);
    },
  };
}

/** Runs a pass soon (coalescing concurrent requests): after a presence, membership, capacity, skills or workstream change. */
export function requestAssignment(context: Pick<ServerContext, 'assignment'>): Promise<void> {
  return context.assignment.request();
}
