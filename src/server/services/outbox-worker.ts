import { and, asc, eq, isNotNull, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isOutboundStatus, nextStatus, type OutboundStatus } from '@/domain/message-status';
import { closesReplyWindow, NO_ANSWER } from '@/domain/twilio-errors';
import type { WorkerContext } from '../context';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import { randomToken, sha256 } from '../crypto/tokens';
import type { Queryable } from '../db/database';
import { conversations, messageMedia, messages, outbox, whatsappAccounts } from '../db/schema';
import { TwilioRequestError, type OutboundTwilioMessage, type TwilioCredentials } from '../twilio/gateway';
import { TWILIO_TIMEOUT_MS } from '../twilio/rest-gateway';
import { audienceOf, conversationView, messageView } from './conversation-views';
import { foldStatuses, lockMessageSid, takeEarlyCallbacks } from './early-status-callbacks';
import { createPollingLoop } from './polling-loop';
import { noteWindowRefusal } from './window-refusal';

export interface OutboxWorker {
  /** Polls every few seconds and sends what is due. */
  start(): void;
  /** Stops polling and waits for the send in flight. */
  stop(): Promise<void>;
  /** Rows were committed: send now rather than at the next poll. */
  wake(): void;
  /** Sends at most one due row; false when none was due. */
  runOnce(): Promise<boolean>;
  /** Sends due rows until none is left; how many were handled. */
  runDue(): Promise<number>;
}

export interface OutboxWorkerOptions {
  pollMs?: number;
  /** Sends before a message is given up as failed. */
  maxAttempts?: number;
  /** The first retry's delay; each further one doubles it, up to maxBackoffMs. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a taken row stays out of other workers' reach: longer than any Twilio call. */
  leaseMs?: number;
  /** Jitter source, for tests. */
  random?: () => number;
  log?: { warn(object: object, message: string): void; error(object: object, message: string): void };
}

/**
 * How far Twilio's clock may be behind ours when an earlier send is looked up. Shorter than a
 * Twilio call may take, so the send of the conversation's previous message (done, or given up,
 * before this one started) is not in the window.
 */
const CLOCK_SKEW_MS = 15_000;
/** Messages to one customer a lookup reads: more than are ever sent to one person within the lease. */
const LOOKUP_LIMIT = 50;

export const OUTBOX_DEFAULTS = {
  pollMs: 3_000,
  maxAttempts: 6,
  baseBackoffMs: 10_000,
  maxBackoffMs: 10 * 60_000,
  leaseMs: 6 * TWILIO_TIMEOUT_MS,
};

/** The wait before attempt `attempts + 1`: exponential, capped, with jitter so retries do not come in waves. */
export function backoffMs(attempts: number, options: { baseBackoffMs: number; maxBackoffMs: number }, random: () => number): number {
  const exponential = Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}

interface Job {
  outboxId: number;
  attempts: number;
  /** When an earlier send of this row started whose outcome was never recorded (the process died); null otherwise. */
  unknownSendSince: string | null;
  messageId: string;
  accountId: string;
  credentials: TwilioCredentials | SecretUnavailableError;
  message: OutboundTwilioMessage;
}

function asRequestError(error: unknown): TwilioRequestError {
  return error instanceof TwilioRequestError ? error : new TwilioRequestError(error instanceof Error ? error.message : String(error), 0, null);
}

/** Template variables as Twilio's ContentVariables: {"1": "...", "2": "..."}. */
export function contentVariables(variables: readonly string[]): string {
  return JSON.stringify(Object.fromEntries(variables.map((value, index) => [String(index + 1), value])));
}

/**
 * Sends the outbox. A row is taken with FOR UPDATE SKIP LOCKED and leased (its next
 * attempt moved past any Twilio call) in a short transaction, so several instances never
 * take the same row, and PGlite, which runs one transaction at a time, is not held up
 * while Twilio answers. Twilio's MessageSid is recorded in the transaction that deletes
 * the row: once recorded, the message is never sent again. A send whose outcome was never
 * recorded (the process died while Twilio answered) is looked up at Twilio before the row is
 * sent again (`earlierSendOf`). A conversation's messages go out in the order they were written.
 */
export function createOutboxWorker(context: WorkerContext, options: OutboxWorkerOptions = {}): OutboxWorker {
  const settings = { ...OUTBOX_DEFAULTS, ...options };
  const random = options.random ?? Math.random;
  const { db } = context;

  async function take(): Promise<Job | 'none' | 'skipped'> {
    return db.transaction(async (tx) => {
      const now = context.now();
      const earlier = alias(outbox, 'earlier');
      const earlierMessage = alias(messages, 'earlier_message');
      const [row] = await tx
        .select({ id: outbox.id, attempts: outbox.attempts, messageId: outbox.messageId, sendingSince: outbox.sendingSince })
        .from(outbox)
        .innerJoin(messages, eq(messages.id, outbox.messageId))
        .where(
          and(
            lte(outbox.nextAttemptAt, now.toISOString()),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(earlier)
                .innerJoin(earlierMessage, eq(earlierMessage.id, earlier.messageId))
                .where(and(eq(earlierMessage.conversationId, messages.conversationId), lt(earlier.id, outbox.id))),
            ),
          ),
        )
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(1)
        .for('update', { of: outbox, skipLocked: true });
      if (!row) return 'none';

      const [found] = await tx
        .select({ message: messages, conversation: conversations, account: whatsappAccounts })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .innerJoin(whatsappAccounts, eq(whatsappAccounts.id, conversations.accountId))
        .where(eq(messages.id, row.messageId));
      // Sent already (a sid is recorded) or no longer outbound: never send it (again).
      if (!found || found.message.twilioSid !== null || found.message.direction !== 'outbound' || found.message.status !== 'pending') {
        await tx.delete(outbox).where(eq(outbox.id, row.id));
        return 'skipped';
      }
      const attempts = row.attempts + 1;
      await tx
        .update(outbox)
        // The earliest unrecorded send is kept: a lookup after a second crash covers both sends.
        .set({ attempts, nextAttemptAt: new Date(now.getTime() + settings.leaseMs).toISOString(), sendingSince: row.sendingSince ?? now.toISOString() })
        .where(eq(outbox.id, row.id));

      // A fresh unguessable URL per attempt; only its hash is kept.
      const media = await tx
        .select({ id: messageMedia.id })
        .from(messageMedia)
        .where(and(eq(messageMedia.messageId, row.messageId), isNotNull(messageMedia.data)))
        .orderBy(asc(messageMedia.position));
      const mediaUrl: string[] = [];
      for (const item of media) {
        const token = randomToken();
        await tx.update(messageMedia).set({ publicTokenHash: sha256(token) }).where(eq(messageMedia.id, item.id));
        mediaUrl.push(`${context.config.publicUrl}/media/${item.id}/${token}`);
      }

      const { message, conversation, account } = found;
      let credentials: Job['credentials'];
      try {
        credentials = { accountSid: account.accountSid, authToken: open(context.keyring, account.authTokenSealed, account.id) };
      } catch (error) {
        credentials = error instanceof SecretUnavailableError ? error : new SecretUnavailableError('unknown');
      }
      const template = message.template;
      const outbound: OutboundTwilioMessage = {
        from: `whatsapp:${conversation.businessNumber}`,
        to: `whatsapp:${conversation.customerPhone}`,
        statusCallback: `${context.config.publicUrl}/webhooks/twilio/status/${account.id}`,
        ...(template?.contentSid
          ? { contentSid: template.contentSid, contentVariables: contentVariables(template.variables) }
          : message.body !== ''
            ? { body: message.body }
            : {}),
        ...(mediaUrl.length > 0 ? { mediaUrl } : {}),
      };
      return { outboxId: row.id, attempts, unknownSendSince: row.sendingSince, messageId: row.messageId, accountId: account.id, credentials, message: outbound };
    });
  }

  async function lockedStatus(tx: Queryable, messageId: string): Promise<{ status: OutboundStatus; errorCode: string | null } | null> {
    const [row] = await tx.select({ status: messages.status, errorCode: messages.errorCode }).from(messages).where(eq(messages.id, messageId)).for('update');
    if (!row) return null;
    return { status: isOutboundStatus(row.status) ? row.status : 'pending', errorCode: row.errorCode };
  }

  async function recordSent(job: Job, sid: string): Promise<void> {
    await db.transaction(async (tx) => {
      // Under the sid's lock, a status callback either finds the sid stored here or has kept its report for it.
      await lockMessageSid(tx, sid);
      const current = await lockedStatus(tx, job.messageId);
      if (current === null) return;
      // Twilio may have reported (say, a fast "failed") before its answer got here: those reports are applied now.
      const reported = await takeEarlyCallbacks(tx, job.accountId, sid);
      const { status, errorCode } = foldStatuses({ status: nextStatus(current.status, 'queued'), errorCode: current.errorCode }, reported);
      await tx.update(messages).set({ twilioSid: sid, status, errorCode, statusUpdatedAt: context.now().toISOString() }).where(eq(messages.id, job.messageId));
      await noteWindowRefusal(tx, job.messageId, errorCode);
      await tx.delete(outbox).where(eq(outbox.id, job.outboxId));
    });
  }

  async function recordFailed(job: Job, errorCode: string | null): Promise<void> {
    await db.transaction(async (tx) => {
      const current = await lockedStatus(tx, job.messageId);
      if (current !== null) {
        await tx
          .update(messages)
          .set({ status: nextStatus(current.status, 'failed'), errorCode, statusUpdatedAt: context.now().toISOString() })
          .where(eq(messages.id, job.messageId));
        await noteWindowRefusal(tx, job.messageId, errorCode);
      }
      await tx.delete(outbox).where(eq(outbox.id, job.outboxId));
    });
    // Twilio's wording can hold the customer's number: the log gets the code only.
    settings.log?.warn({ messageId: job.messageId, errorCode }, 'outbound message failed');
  }

  /** `sendUnknown`: a send of this row may have reached Twilio, so the next attempt looks for it first. */
  async function scheduleRetry(job: Job, lastError: string, sendUnknown = false): Promise<void> {
    const delay = backoffMs(job.attempts, settings, random);
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(context.now().getTime() + delay).toISOString(), lastError, sendingSince: sendUnknown ? job.unknownSendSince : null })
      .where(eq(outbox.id, job.outboxId));
  }

  /**
   * What Twilio has of an earlier send of this row: its sid, 'none', or 'unclear' when more than
   * one message could be it. Twilio's Messages API takes no idempotency key, so it is looked up: a
   * message from our number to this customer, created since that send started, with the same text
   * and number of attachments, whose sid no stored message has. A conversation sends one message
   * at a time, so there is one such message at most, unless something else sends from our number.
   */
  async function earlierSendOf(job: Job, credentials: TwilioCredentials): Promise<string | 'none' | 'unclear'> {
    const since = new Date(job.unknownSendSince!).getTime() - CLOCK_SKEW_MS;
    const recent = await context.twilio.listSentMessages(credentials, { from: job.message.from, to: job.message.to, limit: LOOKUP_LIMIT });
    const mediaCount = job.message.mediaUrl?.length ?? 0;
    const unknown: string[] = [];
    for (const sent of recent) {
      if (sent.createdAt.getTime() < since || sent.numMedia !== mediaCount) continue;
      // A template's text is Twilio's rendering of it: only a free-form text can be compared.
      if (job.message.contentSid === undefined && sent.body !== (job.message.body ?? '')) continue;
      const [known] = await db.select({ id: messages.id }).from(messages).where(eq(messages.twilioSid, sent.sid)).limit(1);
      if (!known) unknown.push(sent.sid);
    }
    return unknown.length === 0 ? 'none' : unknown.length === 1 ? unknown[0]! : 'unclear';
  }

  /** Twilio has the message: losing its sid now would send it again when the lease ends, so the write is retried. */
  async function recordSentSurely(job: Job, sid: string): Promise<void> {
    // Retried for most of the lease (the database may be restarting), never past it.
    const giveUpAt = Date.now() + settings.leaseMs * 0.8;
    for (let attempt = 1; ; attempt++) {
      try {
        return await recordSent(job, sid);
      } catch (error) {
        const wait = Math.min(200 * 2 ** attempt, 5_000);
        if (Date.now() + wait >= giveUpAt) {
          // What an operator needs to reconcile by hand: the message was accepted by Twilio as this sid.
          settings.log?.error({ messageId: job.messageId, twilioSid: sid }, 'Twilio accepted the message but its sid could not be stored; it may be sent again');
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** After the commit; a lost live event does not undo the send (the agent view shows it on its next load). */
  async function publishMessage(messageId: string): Promise<void> {
    try {
      await publishMessageNow(messageId);
    } catch (error) {
      settings.log?.warn({ messageId, err: { type: (error as Error).name } }, 'live event not published');
    }
  }

  async function publishMessageNow(messageId: string): Promise<void> {
    const [row] = await db
      .select({ queueId: conversations.queueId, assigneeId: conversations.assigneeId })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.id, messageId));
    const message = await messageView(db, messageId);
    if (!row || !message) return;
    await context.events.publish({ event: { type: 'message', message }, audience: audienceOf(row) });
    // Twilio closed the window: the composer turns to templates at once.
    const conversation = closesReplyWindow(message.errorCode) ? await conversationView(db, message.conversationId, context.now()) : undefined;
    if (conversation) await context.events.publish({ event: { type: 'conversation', conversation }, audience: audienceOf(conversation) });
  }

  async function runOnce(): Promise<boolean> {
    const job = await take();
    if (job === 'none') return false;
    if (job === 'skipped') return true;
    if (job.credentials instanceof SecretUnavailableError) {
      settings.log?.error({ messageId: job.messageId, reason: job.credentials.message }, 'outbound message not sent');
      await recordFailed(job, null);
      await publishMessage(job.messageId);
      return true;
    }
    if (job.unknownSendSince !== null) {
      let earlier: string;
      try {
        earlier = await earlierSendOf(job, job.credentials);
      } catch (error) {
        const failure = asRequestError(error);
        settings.log?.warn({ messageId: job.messageId, attempts: job.attempts, status: failure.status, code: failure.code }, 'Twilio lookup of an earlier send failed');
        // Nothing was sent; whether the earlier send reached Twilio is still unknown, so it is asked again later.
        if (job.attempts < settings.maxAttempts) {
          await scheduleRetry(job, failure.message, true);
        } else {
          await recordFailed(job, NO_ANSWER);
          await publishMessage(job.messageId);
        }
        return true;
      }
      if (earlier === 'unclear') {
        // Sending again could reach the customer twice, and guessing could mark the wrong one: the agent decides.
        settings.log?.warn({ messageId: job.messageId }, 'an earlier send may have reached Twilio, but more than one message could be it');
        await recordFailed(job, NO_ANSWER);
        await publishMessage(job.messageId);
        return true;
      }
      if (earlier !== 'none') {
        settings.log?.warn({ messageId: job.messageId, twilioSid: earlier }, 'an earlier send reached Twilio; its sid is recorded instead of sending again');
        await recordSentSurely(job, earlier);
        await publishMessage(job.messageId);
        return true;
      }
    }
    let sid: string;
    try {
      sid = (await context.twilio.sendMessage(job.credentials, job.message)).sid;
    } catch (error) {
      const failure = asRequestError(error);
      if (failure.ambiguous) {
        // Twilio may have accepted it: sending again could reach the customer twice, so the agent decides.
        await recordFailed(job, NO_ANSWER);
        await publishMessage(job.messageId);
      } else if (failure.retryable && job.attempts < settings.maxAttempts) {
        await scheduleRetry(job, failure.message);
        settings.log?.warn({ messageId: job.messageId, attempts: job.attempts, status: failure.status, code: failure.code }, 'Twilio send failed; will retry');
      } else {
        await recordFailed(job, failure.code);
        await publishMessage(job.messageId);
      }
      return true;
    }
    await recordSentSurely(job, sid);
    await publishMessage(job.messageId);
    return true;
  }

  async function drain(): Promise<number> {
    let handled = 0;
    while (await runOnce()) handled++;
    return handled;
  }

  const loop = createPollingLoop({ pollMs: settings.pollMs, step: runOnce, log: settings.log, failure: 'outbox worker failed; it tries again at its next poll' });

  return {
    start: loop.start,
    stop: loop.stop,
    wake: loop.wake,
    runOnce,
    runDue: drain,
  };
}
