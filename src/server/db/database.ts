import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type * as schema from './schema';

/** The drizzle database, whichever driver is under it (PGlite or node-postgres). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction or the database itself: services take either. */
export type Queryable = Parameters<Parameters<Database['transaction']>[0]>[0] | Database;

export interface OpenDatabase {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up banner (never with a password). */
  description: string;
  close(): Promise<void>;
  /** PostgreSQL only: a new connection outside the pool (not yet connected), for LISTEN. */
  newClient?(): pg.Client;
}
