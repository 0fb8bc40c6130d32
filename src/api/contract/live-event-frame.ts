import type { LiveEvent } from './live-event';

/** GET /api/events answers with this type; both backends send the same frames. */
export const EVENT_STREAM_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

/** Sent first: how long a browser waits before it reconnects on its own. */
export const EVENT_STREAM_PREAMBLE = 'retry: 3000\n\n';

/**
 * One server-sent event, named by its type (`event: message`…) with the event itself as
 * JSON data: the browser's EventSource hands it to the listener of that name.
 */
export function liveEventFrame(event: LiveEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
