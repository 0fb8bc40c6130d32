import { and, asc, eq, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { BOT_TIMEOUT_MS } from '@/domain/bot/bot-protocol';
import type { ServerContext } from '../context';
import { open } from '../crypto/secret-box';
import type { Queryable } from '../db/database';
import { botDeliveries, conversations, messageMedia, messages, workstreams } from '../db/schema';
import { interpretBotReply, type BotOutcome } from './bot-answer';
import { botRequestOf, postToBot } from './bot-request';
import { settleTurn } from './bot-turn';
import { publishConversationChange } from './conversation-events';
import { botSecretContext } from './workstream-bot';
import { createPollingLoop } from './polling-loop';

type Context = Pick<ServerContext, 'db' | 'now' | 'keyring' | 'events' | 'wakeOutbox' | 'assignment'>;
type Log = { warn(object: object, message: string): void; error(object: object, message: string): void };

export interface BotWorker {
  /** Polls for deliveries whose lease ran out (an instance stopped mid-turn) and works on request. */
  start(): void;
  /** Stops polling and waits for the turns in flight. */
  stop(): Promise<void>;
  /** Customers' messages were committed for a bot: deliver them now rather than at the next poll. */
  wake(): void;
  /** Delivers due deliveries until none is left; how many turns were settled. */
  runDue(): Promise<number>;
  /** Resolves once the work in flight (and any it woke) is done: for tests. */
  settled(): Promise<void>;
}

export interface BotWorkerOptions {
  /** The HTTP client the bots are called with: tests put their own in. */
  fetch?: typeof fetch;
  pollMs?: number;
  /** How long a taken delivery stays out of other instances' reach: well beyond a bot's time limit. */
  leaseMs?: number;
  timeoutMs?: number;
  /** Conversations served at once: a slow bot holds up only its own lane. */
  lanes?: number;
  log?: Log;
}

export const BOT_WORKER_DEFAULTS = { pollMs: 2_000, leaseMs: 6 * BOT_TIMEOUT_MS, lanes: 4 };

interface Leased {
  id: string;
  conversationId: string;
  messageId: string;
  /** Including this one. */
  attempts: number;
}

/**
 * A delivery taken this often was never settled (its answer could not be recorded, or instances
 * kept stopping mid-turn): the customer goes to agents rather than wait for the bot for ever.
 */
export const MAX_DELIVERY_ATTEMPTS = 3;
const NOT_RECORDED = 'the bot’s answer could not be recorded';

/**
 * Takes the oldest due delivery of a conversation whose earlier deliveries are all settled, so a
 * conversation's messages reach its bot one at a time and in order; the lease keeps other
 * instances away, and its end lets them retry it with the same id.
 */
async function leaseNext(db: Context['db'], now: Date, leaseMs: number): Promise<Leased | null> {
  return db.transaction(async (tx) => {
    const earlier = alias(botDeliveries, 'earlier');
    const [row] = await tx
      .select({ id: botDeliveries.id, conversationId: botDeliveries.conversationId, messageId: botDeliveries.messageId })
      .from(botDeliveries)
      .where(
        and(
          or(isNull(botDeliveries.lockedUntil), lt(botDeliveries.lockedUntil, now.toISOString())),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(earlier)
              .where(and(eq(earlier.conversationId, botDeliveries.conversationId), lt(earlier.seq, botDeliveries.seq))),
          ),
        ),
      )
      .orderBy(asc(botDeliveries.seq))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!row) return null;
    const [leased] = await tx
      .update(botDeliveries)
      .set({ lockedUntil: new Date(now.getTime() + leaseMs).toISOString(), attempts: sql`${botDeliveries.attempts} + 1` })
      .where(eq(botDeliveries.id, row.id))
      .returning({ attempts: botDeliveries.attempts });
    return { ...row, attempts: leased!.attempts };
  });
}

/** What the turn needs from the database: the conversation, the message and its media, the bot and its secret. */
async function factsOf(db: Queryable, context: Context, leased: Leased) {
  const [row] = await db
    .select({ conversation: conversations, workstream: workstreams })
    .from(conversations)
    .leftJoin(workstreams, eq(workstreams.id, conversations.workstreamId))
    .where(eq(conversations.id, leased.conversationId));
  const [message] = await db.select({ id: messages.id, body: messages.body }).from(messages).where(eq(messages.id, leased.messageId));
  const bot = row?.workstream?.settings.bot;
  if (!row || !message || !row.workstream || !bot || row.workstream.botSecretSealed === null) return null;
  const media = await db
    .select({ id: messageMedia.id, contentType: messageMedia.contentType })
    .from(messageMedia)
    .where(eq(messageMedia.messageId, message.id))
    .orderBy(asc(messageMedia.position));
  return {
    conversation: row.conversation,
    workstreamId: row.workstream.id,
    bot,
    secret: () => open(context.keyring, row.workstream!.botSecretSealed!, botSecretContext(row.workstream!.id)),
    message: { ...message, media },
  };
}

/** What comes of one delivery: the bot's answer, a failure, or no call at all (too many turns; the bot is gone). */
async function outcomeOf(context: Context, options: BotWorkerOptions, leased: Leased): Promise<BotOutcome> {
  if (leased.attempts > MAX_DELIVERY_ATTEMPTS) return { kind: 'failed', reason: 'malformed', detail: NOT_RECORDED };
  const facts = await factsOf(context.db, context, leased);
  if (!facts) return { kind: 'failed', reason: 'botRemoved', detail: 'the workstream has no bot' };
  const { conversation, bot } = facts;
  if (!conversation.botActive || conversation.status !== 'open') return { kind: 'failed', reason: 'botRemoved', detail: 'not with the bot' };
  if (conversation.botTurns >= bot.maxTurns) return { kind: 'failed', reason: 'tooManyTurns', detail: `${bot.maxTurns} turns` };
  const request = botRequestOf({
    deliveryId: leased.id,
    conversation: { ...conversation, workstreamId: facts.workstreamId },
    message: facts.message,
  });
  let secret: string;
  try {
    secret = facts.secret();
  } catch {
    // Sealed with a key this server lacks: without a signature the bot cannot trust it, so agents take over.
    return { kind: 'failed', reason: 'unreachable', detail: 'the bot’s secret cannot be opened with this server’s key' };
  }
  const reply = await postToBot({ fetch: options.fetch ?? globalThis.fetch, url: bot.url, secret, now: context.now(), timeoutMs: options.timeoutMs }, request);
  return interpretBotReply(reply);
}

export function createBotWorker(context: Context, options: BotWorkerOptions = {}): BotWorker {
  const settings = { ...BOT_WORKER_DEFAULTS, ...options };

  /** One delivery, start to end; false when none was due. */
  async function runOnce(): Promise<boolean> {
    const leased = await leaseNext(context.db, context.now(), settings.leaseMs);
    if (!leased) return false;
    const outcome = await outcomeOf(context, options, leased);
    const settled = await context.db
      .transaction((tx) => settleTurn(tx, leased, outcome, context.now()))
      .catch(async (error: unknown) => {
        // An answer the database refuses would be asked for again and refused again: agents take over now.
        if (outcome.kind !== 'answer') throw error;
        settings.log?.error({ err: { type: (error as Error).name, message: (error as Error).message } }, 'a bot answer could not be recorded; handing over');
        const failed: BotOutcome = { kind: 'failed', reason: 'malformed', detail: NOT_RECORDED };
        return context.db.transaction((tx) => settleTurn(tx, leased, failed, context.now()));
      });
    if (!settled) return true;
    if (settled.queuedOutbound) context.wakeOutbox();
    await publishConversationChange(context, settled.conversationId, settled.messageIds, settings.log, settled.before);
    if (settled.handedOver) await context.assignment.request();
    return true;
  }

  const loop = createPollingLoop({
    pollMs: settings.pollMs,
    lanes: settings.lanes,
    step: runOnce,
    log: settings.log,
    // The lease keeps the delivery: it is tried again once the lease runs out.
    failure: 'bot worker failed; the delivery is retried when its lease ends',
  });

  return {
    ...loop,
    async runDue() {
      let settled = 0;
      while (await runOnce()) settled++;
      return settled;
    },
  };
}
