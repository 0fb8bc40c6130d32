import type { Queryable } from '../db/database';

/** Throws when the database does not answer. */
export async function checkDatabase(db: Queryable): Promise<void> {
  await db.execute('select 1');
}
