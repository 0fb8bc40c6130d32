import { liveEventSchema, type LiveEvent } from '@/api/contract/live-event';

export type LiveStatus = 'unavailable' | 'connecting' | 'live' | 'reconnecting';

export const EVENTS_URL = '/api/events';
const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 30_000;

/** 1 s, 2 s, 4 s… up to 30 s between attempts, so a server that is down is not hammered. */
export function retryDelay(attempt: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
}

/** The event names a server may use; unnamed events arrive as "message". */
// Every type of the contract is listened for, so that a new kind of event cannot be dropped here.
const EVENT_NAMES = [...new Set(['message', ...liveEventSchema.options.map((option) => option.shape.type.value)])];

export interface LiveConnectionHandlers {
  onEvent: (event: LiveEvent) => void;
  onStatus: (status: LiveStatus) => void;
  /** The stream is back after a gap: whatever was published meanwhile was missed. */
  onResumed: () => void;
}

function parse(event: MessageEvent): LiveEvent | null {
  try {
    const parsed = liveEventSchema.safeParse(JSON.parse(String(event.data)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Opens the event stream and keeps it open until the returned function is called. The
 * browser's own retry gives up on an HTTP error (a restart answering 502, a lapsed
 * session), so each failure closes the stream and a new one is opened after a growing pause.
 */
export function openLiveConnection({ onEvent, onStatus, onResumed }: LiveConnectionHandlers): () => void {
  if (typeof EventSource === 'undefined') {
    onStatus('unavailable');
    return () => undefined;
  }
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let missedEvents = false;

  const onMessage = (message: MessageEvent) => {
    const event = parse(message);
    if (event) onEvent(event);
  };

  const connect = () => {
    // Same origin: the session cookie goes with it.
    const opened = new EventSource(EVENTS_URL);
    source = opened;
    opened.onopen = () => {
      attempt = 0;
      onStatus('live');
      if (missedEvents) {
        missedEvents = false;
        onResumed();
      }
    };
    for (const name of EVENT_NAMES) opened.addEventListener(name, onMessage);
    opened.onerror = () => {
      opened.close();
      if (source !== opened) return;
      source = null;
      missedEvents = true;
      onStatus('reconnecting');
      timer = setTimeout(connect, retryDelay(attempt));
      attempt += 1;
    };
  };

  onStatus('connecting');
  connect();
  return () => {
    clearTimeout(timer);
    const open = source;
    source = null;
    open?.close();
  };
}
