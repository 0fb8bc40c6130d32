import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import { EVENT_STREAM_CONTENT_TYPE, EVENT_STREAM_PREAMBLE, liveEventFrame } from '@/api/contract/live-event-frame';
import type { ServerContext } from '../context';
import { ACTIVITY_EVERY_MS, liveSessionUser, touchActivity } from '../auth/session-store';
import type { PublishedEvent } from '../events/event-bus';
import { canSee, memberQueueIds, type Viewer } from '../services/conversation-views';

/** Proxies and browsers drop a silent connection after a minute or so. */
export const HEARTBEAT_MS = 25_000;
/** The session and queue memberships are read again at most this often per stream (and at each heartbeat). */
const RECHECK_MS = 5_000;
/** A client that reads slower than events arrive is dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** An event's SSE frame, made once however many streams it goes to (hundreds of agents watch at once). */
const frames = new WeakMap<PublishedEvent, string>();
function frameOf(published: PublishedEvent): string {
  let frame = frames.get(published);
  if (frame === undefined) {
    frame = liveEventFrame(published.event);
    frames.set(published, frame);
  }
  return frame;
}

/**
 * GET /api/events: server-sent events for the agent view, each named by its type with `data: <LiveEvent JSON>`,
 * only those the signed-in person may see (administrators all; agents their queues' and
 * their own conversations; sandbox news to administrators).
 */
export function eventRoutes(context: ServerContext): FastifyPluginAsync {
  const open = new Set<ServerResponse>();

  return async (app) => {
    // Streams never finish by themselves: closing the server ends them, or it would wait for ever.
    app.addHook('preClose', async () => {
      for (const stream of open) stream.end();
      open.clear();
    });

    app.get('/events', { config: { access: 'signedIn' } }, async (request, reply) => {
      // A HEAD answer has no body: a stream would never send its headers and hold the connection for ever.
      if (request.method === 'HEAD') return reply.type(EVENT_STREAM_CONTENT_TYPE).header('cache-control', 'no-store').send();
      const session = request.session!;
      let viewer: Viewer = session.user;
      let memberOf: string[] = [];
      let checkedAt = Number.NEGATIVE_INFINITY;
      /**
       * Who is watching now: a session that ended (signed out, expired, user removed) ends the
       * stream, a changed role or membership applies to the next event. Null once ended.
       */
      const recheck = async (force = false): Promise<Viewer | null> => {
        if (!force && Date.now() - checkedAt <= RECHECK_MS) return viewer;
        const current = await liveSessionUser(context.db, session.tokenHash, context.now());
        if (!current) {
          stream.end();
          return null;
        }
        viewer = current;
        memberOf = await memberQueueIds(context.db, viewer.id);
        checkedAt = Date.now();
        return viewer;
      };

      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        'content-type': EVENT_STREAM_CONTENT_TYPE,
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and friends would hold the events back to fill their buffers.
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      stream.write(EVENT_STREAM_PREAMBLE);
      open.add(stream);

      const write = (text: string) => {
        if (stream.writableEnded || stream.destroyed) return;
        if (stream.writableLength > MAX_BUFFERED_BYTES) {
          stream.destroy();
          return;
        }
        stream.write(text);
      };

      let queue: Promise<void> = Promise.resolve();
      let waiting = 0;
      const shows = (now: Viewer, { audience }: PublishedEvent) =>
        audience.personal
          ? audience.assigneeId === now.id
          : now.role === 'admin' || audience.assigneeId === now.id || (audience.queueId !== null && canSee(now, memberOf, audience));
      const visible = async (published: PublishedEvent) => {
        const now = await recheck();
        return now !== null && shows(now, published);
      };
      const unsubscribe = context.events.subscribe((published) => {
        // Memberships read lately and nothing waiting: decided at once (hundreds of streams see each event).
        if (waiting === 0 && Date.now() - checkedAt <= RECHECK_MS) {
          if (shows(viewer, published)) write(frameOf(published));
          return;
        }
        // Else one at a time, so that the events keep their order while memberships are read.
        waiting++;
        queue = queue
          .then(async () => {
            if (await visible(published)) write(frameOf(published));
          })
          .catch(() => undefined)
          .finally(() => waiting--);
      });

      // The heartbeat also notices an ended session while no events arrive.
      const heartbeat = setInterval(() => {
        void recheck(true)
          .then((now) => now && write(': heartbeat\n\n'))
          .catch(() => write(': heartbeat\n\n'));
      }, HEARTBEAT_MS);

      // An open stream is someone at work: their presence stays fresh while it is open.
      const activity = setInterval(() => {
        void touchActivity(context.db, session.user.id, context.now()).catch(() => undefined);
      }, ACTIVITY_EVERY_MS);

      stream.on('close', () => {
        clearInterval(heartbeat);
        clearInterval(activity);
        unsubscribe();
        open.delete(stream);
      });
    });
  };
}
