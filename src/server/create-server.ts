import { rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app';
import { deleteExpiredSessions } from './auth/session-store';
import type { ServerConfig } from './config';
import type { ServerContext } from './context';
import type { KeySource } from './crypto/key-file';
import { openDatabase, type DatabaseTarget } from './db/connect';
import { lockDataDir } from './db/data-dir-lock';
import type { OpenDatabase } from './db/database';
import { eventBusFor } from './events/postgres-event-bus';
import { holdsSealedTokens } from './services/accounts';
import { createAssignmentWorker } from './services/assignment';
import { createBotWorker, type BotWorker, type BotWorkerOptions } from './services/bot-worker';
import { createInboundPipeline, inboundWorkerSettings } from './services/inbound-worker';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './services/outbox-worker';
import { createWebhookCredentialsCache } from './services/webhook-credentials';
import type { TwilioGateway } from './twilio/gateway';
import { createTwilioGateway } from './twilio/rest-gateway';

export interface CreateServerOptions {
  config: ServerConfig;
  keys: KeySource;
  /** A target to open (migrations run), a database already open and migrated, or a factory of one. */
  database: DatabaseTarget | OpenDatabase | (() => Promise<OpenDatabase>);
  /** The embedded database's directory, claimed for this process until close. */
  lockDataDir?: string;
  now?: () => Date;
  /** Default: the REST client, on the simulator when the config's twilioApiBaseUrl is set. */
  twilio?: TwilioGateway;
  logger?: AppOptions['logger'];
  extend?: AppOptions['extend'];
  /** How often the inbound worker looks at the journal without a wake-up. */
  inboundPollMs?: number;
  /** 'auto' (default) polls once the app listens; 'manual' sends only when asked (tests). */
  outbox?: 'auto' | 'manual';
  outboxOptions?: OutboxWorkerOptions;
  /** 'auto' (default) runs the assignment sweep every config.assignmentSweepMs; 'manual': passes only on request (tests start it). */
  assignmentSweep?: 'auto' | 'manual';
  /** The bot worker's settings; tests give it their own fetch or time limit. */
  botOptions?: BotWorkerOptions;
  onLiveEventsError?: (error: unknown) => void;
}

export interface Server {
  app: FastifyInstance;
  context: ServerContext;
  database: OpenDatabase;
  outbox: OutboxWorker;
  bot: BotWorker;
  /** Finishes requests in flight, stops the workers, closes the database. */
  close(): Promise<void>;
}

const SESSION_SWEEP_MS = 3_600_000;

async function open(database: CreateServerOptions['database']): Promise<OpenDatabase> {
  if (typeof database === 'function') return database();
  if ('db' in database) return database;
  return openDatabase(database);
}

/** The one assembly of the server: for `npm start`, the tests and the bench. */
export async function createServer(options: CreateServerOptions): Promise<Server> {
  const { config, keys } = options;
  const releaseDataDir = options.lockDataDir ? lockDataDir(options.lockDataDir) : () => undefined;
  let database: OpenDatabase;
  try {
    database = await open(options.database);
    await refuseFreshKeyForSealedTokens(database, keys);
  } catch (error) {
    releaseDataDir();
    throw error;
  }

  const base = {
    db: database.db,
    keyring: keys.keyring,
    config,
    now: options.now ?? (() => new Date()),
    twilio: options.twilio ?? createTwilioGateway({ baseUrl: config.twilioApiBaseUrl }),
    events: await eventBusFor(database, options.onLiveEventsError),
    wakeOutbox: () => undefined,
    wakeBot: () => undefined,
  };
  // The app (and its logger) is built from this context: the workers log only once they run.
  const log = { warn: (object: object, message: string) => app.log.warn(object, message), error: (object: object, message: string) => app.log.error(object, message) };
  const withAssignment = Object.assign(base, { assignment: createAssignmentWorker(base, { sweepMs: config.assignmentSweepMs, log }) });
  const context: ServerContext = Object.assign(withAssignment, {
    inbound: createInboundPipeline(withAssignment, {
      ...inboundWorkerSettings(database.kind),
      ...(options.inboundPollMs === undefined ? {} : { pollMs: options.inboundPollMs }),
      log,
    }),
    webhookCredentials: createWebhookCredentialsCache(base.db, base.keyring),
  });
  const outbox = createOutboxWorker(context, { log, ...options.outboxOptions });
  context.wakeOutbox = () => outbox.wake();
  const bot = createBotWorker(context, { log, ...options.botOptions });
  context.wakeBot = () => bot.wake();
  const app = await buildApp(context, { logger: options.logger, extend: options.extend });

  // Webhooks a previous run accepted and did not store yet are stored first.
  context.inbound.start();
  if (options.assignmentSweep !== 'manual') context.assignment.start();
  // Replies go out once Twilio's status callbacks can reach the app.
  if (options.outbox !== 'manual') app.addHook('onListen', () => outbox.start());
  // Customers' messages that waited for a bot (or whose instance stopped mid-turn) go on once the app runs.
  app.addHook('onListen', () => bot.start());
  const sweep = setInterval(() => void deleteExpiredSessions(database.db, new Date()).catch(() => undefined), SESSION_SWEEP_MS);
  sweep.unref();

  return {
    app,
    context,
    database,
    outbox,
    bot,
    async close() {
      clearInterval(sweep);
      await app.close();
      await context.inbound.stop();
      await bot.stop();
      await context.assignment.stop();
      await outbox.stop();
      await context.events.close();
      await database.close();
      releaseDataDir();
    },
  };
}

/** A key made just now cannot open tokens sealed before: say so at start, not at the first webhook. */
async function refuseFreshKeyForSealedTokens(database: OpenDatabase, keys: KeySource) {
  if (keys.origin !== 'key file (created now)' || !(await holdsSealedTokens(database.db))) return;
  rmSync(keys.keyFile!, { force: true });
  await database.close();
  throw new Error(
    `The database holds encrypted auth tokens, but ${keys.keyFile} was missing. Restore it (or set APP_SECRET_KEY) from your backup; the server did not start and created no new key.`,
  );
}
