import { useEffect, useState } from 'react';
import { replyWindow, type ReplyWindow } from '@/domain/conversation-window';

const MINUTE = 60_000;

/**
 * The conversation's 24-hour reply window, kept current: it moves on exactly when the
 * minutes shown change, and closes the moment the window does. While closed it keeps
 * looking every minute, so that a new message from the customer opens it with the right time.
 */
export function useReplyWindow(lastInboundAt: string | null, windowClosedByTwilioAt: string | null = null): ReplyWindow {
  const [now, setNow] = useState(() => new Date());
  const window = replyWindow(lastInboundAt, now, windowClosedByTwilioAt);
  const delay = window.open ? (window.remainingMs % MINUTE) + 1 : MINUTE;
  useEffect(() => {
    const timer = setTimeout(() => setNow(new Date()), delay);
    return () => clearTimeout(timer);
  }, [now, delay]);
  return window;
}
