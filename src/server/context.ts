import type { ServerConfig } from './config';
import type { Keyring } from './crypto/secret-box';
import type { Database } from './db/database';

/** What every route and service may use; built once per server. */
export interface ServerContext {
  db: Database;
  keyring: Keyring;
  config: ServerConfig;
  /** Injectable so tests can move time (session expiry, lockouts, setup links). */
  now: () => Date;
}
