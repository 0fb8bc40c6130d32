import type { ServerConfig } from './config';
import type { Keyring } from './crypto/secret-box';
import type { Database } from './db/database';
import type { EventBus } from './events/event-bus';
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
}
