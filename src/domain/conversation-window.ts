/** WhatsApp's customer service window: free-form replies only this long after the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ReplyWindow =
  | { open: true; closesAt: Date; remainingMs: number }
  | { open: false; closedAt: Date | null };

/**
 * Whether an agent may send a free-form message now. A conversation the customer has
 * never written in (business-initiated) has no window: only templates may be sent.
 */
export function replyWindow(lastInboundAt: Date | string | null, now: Date): ReplyWindow {
  if (lastInboundAt === null) return { open: false, closedAt: null };
  const closesAt = new Date(new Date(lastInboundAt).getTime() + REPLY_WINDOW_MS);
  const remainingMs = closesAt.getTime() - now.getTime();
  return remainingMs > 0 ? { open: true, closesAt, remainingMs } : { open: false, closedAt: closesAt };
}

/** The time left as whole hours and minutes, rounded down, for "5 h 12 min left". */
export function splitRemaining(remainingMs: number): { hours: number; minutes: number } {
  const totalMinutes = Math.max(0, Math.floor(remainingMs / 60_000));
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}
