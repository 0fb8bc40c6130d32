import { and, eq, lt, sql } from 'drizzle-orm';
import { isFailure, isOutboundStatus, nextStatus, type OutboundStatus } from '@/domain/message-status';
import type { Queryable } from '../db/database';
import { earlyStatusCallbacks } from '../db/schema';

/** A callback for a sid nobody stored is kept this long; after it the sid is taken to be none of ours. */
export const EARLY_CALLBACK_KEEP_MS = 24 * 3600_000;

/** The first key of the two-key advisory locks on MessageSids (their key space is apart from the one-key locks). */
const SID_LOCK_SPACE = 7262101;

/**
 * Serialises, until the transaction ends, a status callback for `sid` with the outbox's
 * recording of that sid: the callback then either finds the sid stored, or keeps its
 * report where the recording will see it. Neither can slip between the other's read and write.
 */
export async function lockMessageSid(tx: Queryable, sid: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SID_LOCK_SPACE}, hashtext(${sid}))`);
}

/** Keeps a report for a sid not stored yet; reports kept longer than a day for sids that never came are dropped on the way. */
export async function keepEarlyCallback(
  tx: Queryable,
  report: { accountId: string; sid: string; status: OutboundStatus; errorCode: string | null },
  now: Date,
): Promise<void> {
  await tx.delete(earlyStatusCallbacks).where(lt(earlyStatusCallbacks.receivedAt, new Date(now.getTime() - EARLY_CALLBACK_KEEP_MS).toISOString()));
  await tx.insert(earlyStatusCallbacks).values({
    twilioSid: report.sid,
    accountId: report.accountId,
    status: report.status,
    errorCode: report.errorCode,
    receivedAt: now.toISOString(),
  });
}

/** The reports kept for the account's sid, in the order they came; they are deleted as they are read. */
export async function takeEarlyCallbacks(tx: Queryable, accountId: string, sid: string): Promise<{ status: string; errorCode: string | null }[]> {
  const taken = await tx
    .delete(earlyStatusCallbacks)
    .where(and(eq(earlyStatusCallbacks.twilioSid, sid), eq(earlyStatusCallbacks.accountId, accountId)))
    .returning({ id: earlyStatusCallbacks.id, status: earlyStatusCallbacks.status, errorCode: earlyStatusCallbacks.errorCode });
  return taken.sort((a, b) => a.id - b.id);
}

/** Applies reports to a message's status as callbacks would have, one by one: forward only, the error with its failure. */
export function foldStatuses(
  start: { status: OutboundStatus; errorCode: string | null },
  reports: readonly { status: string; errorCode: string | null }[],
): { status: OutboundStatus; errorCode: string | null } {
  let folded = start;
  for (const report of reports) {
    if (!isOutboundStatus(report.status)) continue;
    const next = nextStatus(folded.status, report.status);
    if (next !== folded.status) folded = { status: next, errorCode: isFailure(next) ? report.errorCode : null };
  }
  return folded;
}
