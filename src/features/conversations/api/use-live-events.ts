import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { liveEventSchema } from '@/api/contract/conversation';
import { applyLiveEvent } from './cache-updates';
import { conversationQueries } from './conversation-queries';

export type LiveStatus = 'unavailable' | 'connecting' | 'live' | 'reconnecting';

export const EVENTS_URL = '/api/events';
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/** 1 s, 2 s, 4 s… up to 30 s between attempts, so a server that is down is not hammered. */
export function retryDelay(attempt: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
}

/** The event names a server may use; unnamed events arrive as "message". */
const EVENT_NAMES = ['message', 'conversation', 'sandbox'] as const;

/**
 * Keeps the conversation caches current from the server's events. The browser's own
 * retry gives up on an HTTP error (a restart answering 502, a lapsed session), so each
 * failure closes the stream and a new one is opened after a growing pause; what
 * happened meanwhile is fetched again once it is back.
 */
export function useLiveEvents(): LiveStatus {
  const queryClient = useQueryClient();
  const supported = typeof EventSource !== 'undefined';
  const [status, setStatus] = useState<LiveStatus>(supported ? 'connecting' : 'unavailable');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let missedEvents = false;

    const onEvent = (event: MessageEvent) => {
      let json: unknown;
      try {
        json = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = liveEventSchema.safeParse(json);
      if (parsed.success) applyLiveEvent(queryClient, parsed.data);
    };

    const connect = () => {
      // Same origin: the session cookie goes with it.
      const opened = new EventSource(EVENTS_URL);
      source = opened;
      opened.onopen = () => {
        attempt = 0;
        setStatus('live');
        if (missedEvents) {
          missedEvents = false;
          void queryClient.invalidateQueries({ queryKey: conversationQueries.all() });
        }
      };
      for (const name of EVENT_NAMES) opened.addEventListener(name, onEvent);
      opened.onerror = () => {
        opened.close();
        if (source !== opened) return;
        source = null;
        missedEvents = true;
        setStatus('reconnecting');
        timer = setTimeout(connect, retryDelay(attempt));
        attempt += 1;
      };
    };

    connect();
    return () => {
      clearTimeout(timer);
      const open = source;
      source = null;
      open?.close();
    };
  }, [queryClient]);

  return status;
}
