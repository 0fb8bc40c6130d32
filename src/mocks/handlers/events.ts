import { http, HttpResponse, type HttpHandler } from 'msw';
import type { LiveEvent } from '@/api/contract/live-event';
import type { ConversationRuntime } from '../conversation-runtime';
import { mayReceive, signedInUser } from '../conversations-db';
import type { MockDb } from '../db';

/** One server-sent event: named by its type, the event itself as JSON data. */
export function eventFrame(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * GET /api/events as a hand-made text/event-stream. MSW's sse() would do the same, but it
 * cannot even be constructed where there is no global EventSource (Node, where the
 * contract and unit tests run); a streamed response works in the browser worker and in
 * Node alike, so the demo and the tests share one path. Each event goes only to a user
 * who may see it, checked when it is sent (the signed-in user may have changed).
 */
export function eventsHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  return [
    http.get('/api/events', ({ request }) => {
      const encoder = new TextEncoder();
      let unsubscribe = () => undefined as unknown;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const stop = () => {
            unsubscribe();
            try {
              controller.close();
            } catch {
              // Closed already.
            }
          };
          controller.enqueue(encoder.encode('retry: 3000\n: connected\n\n'));
          unsubscribe = runtime.subscribe((event) => {
            const user = signedInUser(db.data);
            if (!user) return stop();
            if (!mayReceive(db.data, user, event)) return;
            try {
              controller.enqueue(encoder.encode(eventFrame(event)));
            } catch {
              unsubscribe();
            }
          });
          request.signal.addEventListener('abort', stop);
        },
        cancel() {
          unsubscribe();
        },
      });
      return new HttpResponse(stream, {
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      });
    }),
  ];
}
