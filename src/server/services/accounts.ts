import { whatsappAccounts } from '../db/schema';
import type { Queryable } from '../db/database';

/** Whether any account's auth token is stored (sealed with the key of its time). */
export async function holdsSealedTokens(db: Queryable): Promise<boolean> {
  return (await db.select({ id: whatsappAccounts.id }).from(whatsappAccounts).limit(1)).length > 0;
}
