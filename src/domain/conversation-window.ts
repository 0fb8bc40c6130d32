/** WhatsApp's customer service window: free-form replies only this long after the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

export type ReplyWindow =
  | { open: true; closesAt: Date; remainingMs: number }
  /** `refusedByTwilio`: Twilio said the window was closed (63016) although our clock had it open. */
  | { open: false; closedAt: Date | null; refusedByTwilio?: true };

/**
 * Whether an agent may send a free-form message now. A conversation the customer has
 * never written in (business-initiated) has no window: only templates may be sent.
 * `refusedByTwilioAt` is when a free-form message went that Twilio refused as outside the
 * window: Twilio's answer wins over our clock until the customer writes again after it.
 */
export function replyWindow(lastInboundAt: Date | string | null, now: Date, refusedByTwilioAt: Date | string | null = null): ReplyWindow {
  if (refusedByTwilioAt !== null && (lastInboundAt === null || new Date(refusedByTwilioAt) >= new Date(lastInboundAt))) {
    return { open: false, closedAt: new Date(refusedByTwilioAt), refusedByTwilio: true };
  }
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
