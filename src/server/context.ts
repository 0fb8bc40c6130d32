import type { ServerConfig } from './config';
import type { Keyring } from './crypto/secret-box';
import type { Database } from './db/database';
import type { EventBus } from './events/event-bus';
import type { AssignmentWorker } from './services/assignment';
import type { InboundPipeline } from './services/inbound-worker';
import type { WebhookCredentialsCache } from './services/webhook-credentials';
import type { TwilioGateway } from './twilio/gateway';

/** What every route and service may use; built once per server. */
export interface ServerContext {
  db: Database;
  keyring: Keyring;
  config: ServerConfig;
  /** Injectable so tests can move time (session expiry, lockouts, setup links). */
  now: () => Date;
  twilio: TwilioGateway;
  events: EventBus;
  /** Tells the outbox worker that rows were committed, so it sends now instead of at its next poll. */
  wakeOutbox: () => void;
  /** Tells the bot worker that customers' messages wait for a workstream's bot. */
  wakeBot: () => void;
  /** Inbound webhooks: the journal they are committed to before the 200, and the worker that stores them. */
  inbound: InboundPipeline;
  /** The assignment pass: request one after a change that may let a waiting conversation go to an agent. */
  assignment: AssignmentWorker;
  /** Auth tokens and numbers for checking webhooks, held briefly in memory. */
  webhookCredentials: WebhookCredentialsCache;
}

/** What the background workers are built from (they are parts of the context themselves). */
export type WorkerContext = Omit<ServerContext, 'wakeOutbox' | 'wakeBot' | 'inbound' | 'webhookCredentials' | 'assignment'>;
