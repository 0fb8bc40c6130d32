import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { ServerContext, WorkerContext } from '../context';
import { groupCommit } from '../db/group-commit';
import { inboundJournal, whatsappAccounts } from '../db/schema';
import type { InboundParams } from '../twilio/webhook-params';
import { announceInbound, storeInbound, type InboundOutcome } from './inbound-message';

/** Inbound webhooks: accepted into the journal before Twilio's 200, stored as messages right after. */
export interface InboundPipeline {
  /** Resolves once the webhook is committed to the journal (a repeated MessageSid is accepted as well). */
  accept(accountId: string, inbound: InboundParams, receivedAt: Date): Promise<void>;
  /** Resolves when every webhook accepted so far is stored (or waits for a retry): for tests and the bench. */
  settled(): Promise<void>;
  start(): void;
  /** Stops taking new batches and waits for the one in flight. */
  stop(): Promise<void>;
}

export interface InboundWorkerOptions {
  /** Webhooks stored per transaction. */
  batchSize?: number;
  /** Batches stored at once, each on its own connection (SKIP LOCKED keeps them apart). */
  concurrency?: number;
  /** How often the journal is looked at without a wake-up (another instance's webhooks, retries). */
  pollMs?: number;
  log?: { warn(object: object, message: string): void; error(object: object, message: string): void };
}

/** The retry delay after `attempts` failures: 1 s doubling, at most 5 minutes. A webhook is never dropped. */
export const retryDelayMs = (attempts: number) => Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1));

/**
 * How the worker takes the journal on each database. PGlite runs one transaction at a time: small
 * batches keep webhooks from waiting behind one. PostgreSQL stores several batches at once: a
 * message is a dozen round trips, and one connection alone would fall behind the webhooks.
 */
export const inboundWorkerSettings = (kind: 'pglite' | 'postgres') => (kind === 'pglite' ? { batchSize: 5, concurrency: 1 } : { batchSize: 25, concurrency: 4 });

type Context = WorkerContext & Pick<ServerContext, 'wakeOutbox' | 'wakeBot' | 'assignment'>;

/**
 * The inbound worker (docs/decisions/0014): takes journal rows in arrival order with FOR UPDATE
 * SKIP LOCKED, so instances share the work; stores each in a savepoint of one transaction,
 * deletes the stored rows in that transaction, and announces the messages after the commit.
 * A row that fails waits for a retry with its error noted; the others go on.
 */
export function createInboundPipeline(context: Context, options: InboundWorkerOptions = {}): InboundPipeline {
  const { db } = context;
  const batchSize = options.batchSize ?? 200;
  const pollMs = options.pollMs ?? 2_000;
  const concurrency = options.concurrency ?? 1;
  let running: Promise<void> | null = null;
  let again = false;
  let polling = false;
  let closing = false;
  let timer: NodeJS.Timeout | undefined;

  const append = groupCommit<typeof inboundJournal.$inferInsert>(async (rows) => {
    await db.insert(inboundJournal).values(rows).onConflictDoNothing({ target: inboundJournal.messageSid });
  }, 500);

  /**
   * Batches stored at once each take one share of the customers: a customer's messages always go to
   * the same share, so two transactions never wait for (or deadlock on) one conversation's lock.
   */
  const shareOf = (slot: number) =>
    concurrency === 1 ? undefined : sql`mod(abs(hashtext(${inboundJournal.accountId}::text || (${inboundJournal.params} ->> 'from'))), ${concurrency}) = ${slot}`;

  async function processBatch(slot: number): Promise<number> {
    const stored: { accountId: string; outcome: InboundOutcome }[] = [];
    const taken = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(inboundJournal)
        .where(and(lte(inboundJournal.nextAttemptAt, context.now().toISOString()), shareOf(slot)))
        .orderBy(asc(inboundJournal.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return 0;
      const accountIds = [...new Set(rows.map((row) => row.accountId))];
      const accounts = await tx
        .select({ id: whatsappAccounts.id, firstInboundAt: whatsappAccounts.firstInboundAt })
        .from(whatsappAccounts)
        .where(inArray(whatsappAccounts.id, accountIds));
      const known = new Map(accounts.map((a) => [a.id, a.firstInboundAt !== null]));
      const done: number[] = [];
      for (const row of rows) {
        if (!known.has(row.accountId)) {
          options.log?.warn({ accountId: row.accountId, messageSid: row.messageSid }, 'inbound webhook of a deleted account dropped');
          done.push(row.id);
          continue;
        }
        try {
          const outcome = await storeInbound(tx, row.accountId, row.params as InboundParams, new Date(row.receivedAt), known.get(row.accountId));
          stored.push({ accountId: row.accountId, outcome });
          done.push(row.id);
        } catch (error) {
          const attempts = row.attempts + 1;
          const reason = error instanceof Error ? error.message : String(error);
          options.log?.error({ messageSid: row.messageSid, attempts, reason }, 'inbound webhook could not be stored; it will be tried again');
          await tx
            .update(inboundJournal)
            .set({ attempts, lastError: reason.slice(0, 500), nextAttemptAt: new Date(context.now().getTime() + retryDelayMs(attempts)).toISOString() })
            .where(eq(inboundJournal.id, row.id));
        }
      }
      if (done.length > 0) await tx.delete(inboundJournal).where(inArray(inboundJournal.id, done));
      return rows.length;
    });
    if (stored.some(({ outcome }) => outcome.kind === 'stored' && outcome.queuedOutbound)) context.wakeOutbox();
    // New conversations wait in their queues: the pass gives them to agents before the agents hear of them.
    if (stored.some(({ outcome }) => outcome.kind === 'stored' && outcome.created)) await context.assignment.request();
    for (const { accountId, outcome } of stored) await announceInbound(context, accountId, outcome);
    if (stored.some(({ outcome }) => outcome.kind === 'stored' && outcome.queuedForBot)) context.wakeBot();
    return taken;
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      try {
        await Promise.all(
          Array.from({ length: concurrency }, async (_, slot) => {
            // Stopping leaves the rest in the journal for the next start.
            while (!closing && (await processBatch(slot)) > 0) {
              /* next batch */
            }
          }),
        );
      } catch (error) {
        options.log?.error({ reason: error instanceof Error ? error.message : String(error) }, 'inbound worker: the journal could not be read');
      }
    } while (again && !closing);
  }

  function wake(): void {
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => (running = null));
  }

  return {
    async accept(accountId, inbound, receivedAt) {
      // Due at once by the server's clock (not the database's): the worker compares with context.now().
      await append({ accountId, messageSid: inbound.messageSid, params: inbound, receivedAt: receivedAt.toISOString(), nextAttemptAt: receivedAt.toISOString() });
      wake();
    },
    async settled() {
      // A pass that starts after the last accept and finds nothing left means all is stored.
      while (running) await running;
      running = drain().finally(() => (running = null));
      await running;
    },
    start() {
      polling = true;
      const poll = () => {
        if (!polling) return;
        wake();
        timer = setTimeout(poll, pollMs);
        timer.unref();
      };
      poll();
    },
    async stop() {
      polling = false;
      closing = true;
      clearTimeout(timer);
      while (running) await running;
    },
  };
}
