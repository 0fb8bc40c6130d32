import { liveEventSchema, type LiveEvent } from '@/api/contract/live-event';

export interface EventStream {
  status: number;
  contentType: string | null;
  /** Every event received so far, in order. */
  events: LiveEvent[];
  /** The first event (received already or later) that matches, or an error after `timeoutMs`. */
  next(matches: (event: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** GET /api/events read as a browser's EventSource would, each event checked against the contract. */
export async function openEventStream(baseUrl: string, cookie: string): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: { cookie, accept: 'text/event-stream' }, signal: abort.signal });
  const events: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  let endedResolve: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (endedResolve = resolve));

  if (response.ok && response.body) {
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice('data: '.length))
              .join('\n');
            if (data === '') continue;
            events.push(liveEventSchema.parse(JSON.parse(data)));
            for (const wake of waiters) wake();
          }
        }
      } catch {
        // Aborted by close().
      } finally {
        endedResolve();
      }
    })();
  } else {
    endedResolve();
  }

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    ended,
    next(matches, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(matches);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching event within ${timeoutMs} ms; received: ${JSON.stringify(events.map((e) => e.type))}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => abort.abort(),
  };
}
