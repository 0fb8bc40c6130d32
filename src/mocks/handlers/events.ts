import { http, HttpResponse, type HttpHandler } from 'msw';
import { EVENT_STREAM_CONTENT_TYPE, EVENT_STREAM_PREAMBLE, liveEventFrame } from '@/api/contract/live-event-frame';
import type { ConversationRuntime } from '../conversation-runtime';
import { mayReceive, signedInUser } from '../conversations-db';
import type { MockDb } from '../db';

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
          controller.enqueue(encoder.encode(EVENT_STREAM_PREAMBLE));
          unsubscribe = runtime.subscribe((event) => {
            const user = signedInUser(db.data);
            if (!user) return stop();
            if (!mayReceive(db.data, user, event)) return;
            try {
              controller.enqueue(encoder.encode(liveEventFrame(event)));
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
        headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'cache-control': 'no-store' },
      });
    }),
  ];
}
