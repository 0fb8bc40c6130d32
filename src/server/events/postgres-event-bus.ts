import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Database, OpenDatabase } from '../db/database';
import { audienceOf, conversationView, messageView } from '../services/conversation-views';
import type { EventBus, PublishedEvent } from './event-bus';
import { createMemoryEventBus } from './memory-event-bus';

export const LIVE_EVENTS_CHANNEL = 'wa_live_events';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; a bigger event travels as its id. */
export const MAX_NOTIFY_BYTES = 7900;

type Reference = { type: 'conversation'; id: string } | { type: 'message'; id: string };

/** What goes through NOTIFY: the event itself, or what to reload it from. */
type Notice = { origin: string } & ({ published: PublishedEvent } | { reference: Reference });

export interface PostgresEventBusOptions {
  db: Database;
  /** A new connection outside the pool: LISTEN needs one that stays open (OpenDatabase.newClient). */
  newClient: () => pg.Client;
  /** Told when the listening connection fails; it is opened again by itself. */
  onError?: (error: unknown) => void;
}

export function encodeNotice(origin: string, published: PublishedEvent): string {
  const whole = JSON.stringify({ origin, published } satisfies Notice);
  if (Buffer.byteLength(whole, 'utf8') <= MAX_NOTIFY_BYTES) return whole;
  const { event } = published;
  const reference: Reference | null =
    event.type === 'conversation' ? { type: 'conversation', id: event.conversation.id } : event.type === 'message' ? { type: 'message', id: event.message.id } : null;
  if (!reference) throw new Error(`A ${event.type} event is too large for NOTIFY.`);
  return JSON.stringify({ origin, reference } satisfies Notice);
}

/** A referenced event as it is now in the database, or null when it is gone. */
async function reload(db: Database, reference: Reference): Promise<PublishedEvent | null> {
  if (reference.type === 'conversation') {
    const conversation = await conversationView(db, reference.id);
    return conversation ? { event: { type: 'conversation', conversation }, audience: audienceOf(conversation) } : null;
  }
  const message = await messageView(db, reference.id);
  const conversation = message ? await conversationView(db, message.conversationId) : undefined;
  return message && conversation ? { event: { type: 'message', message }, audience: audienceOf(conversation) } : null;
}

/**
 * Live events across server instances on one PostgreSQL database. This instance's
 * listeners get an event at once; the others through LISTEN/NOTIFY on a dedicated
 * connection, which is opened again when it drops (events sent meanwhile are missed;
 * the agent view reloads when its stream reconnects).
 */
export async function createPostgresEventBus(options: PostgresEventBusOptions): Promise<EventBus> {
  const origin = randomUUID();
  const local = createMemoryEventBus();
  let client: pg.Client | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryDelay = 500;
  // Events from other instances are delivered in the order they were notified, reloads included.
  let delivering: Promise<void> = Promise.resolve();

  const receive = (payload: string | undefined) => {
    let notice: Notice;
    try {
      notice = JSON.parse(payload ?? '') as Notice;
    } catch {
      return;
    }
    if (notice.origin === origin) return;
    delivering = delivering
      .then(async () => {
        const published = 'published' in notice ? notice.published : await reload(options.db, notice.reference);
        if (published && !closed) local.deliver(published);
      })
      .catch((error: unknown) => options.onError?.(error));
  };

  const connect = async (): Promise<void> => {
    const next = options.newClient();
    next.on('notification', (message) => {
      if (message.channel === LIVE_EVENTS_CHANNEL) receive(message.payload);
    });
    next.on('error', (error) => {
      options.onError?.(error);
      reconnect(next);
    });
    next.on('end', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryDelay = 500;
  };

  const reconnect = (failed: pg.Client) => {
    if (closed || client !== failed) return;
    client = null;
    void failed.end().catch(() => undefined);
    scheduleRetry();
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().catch((error: unknown) => {
        options.onError?.(error);
        retryDelay = Math.min(retryDelay * 2, 30_000);
        scheduleRetry();
      });
    }, retryDelay);
    retryTimer.unref();
  };

  await connect();

  return {
    async publish(published) {
      local.deliver(published);
      await options.db.execute(sql`select pg_notify(${LIVE_EVENTS_CHANNEL}, ${encodeNotice(origin, published)})`);
    },
    subscribe: (listener) => local.subscribe(listener),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
      await delivering;
      await local.close();
    },
  };
}

/** The bus for a database: across instances on PostgreSQL; in this process on PGlite, which is one process anyway. */
export async function eventBusFor(database: OpenDatabase, onError?: (error: unknown) => void): Promise<EventBus> {
  return database.newClient ? createPostgresEventBus({ db: database.db, newClient: database.newClient, onError }) : createMemoryEventBus();
}
