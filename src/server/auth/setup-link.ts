import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomToken, sha256 } from '../crypto/tokens';
import type { Queryable } from '../db/database';
import { setupTokens, users } from '../db/schema';

export const SETUP_LINK_HOURS = 24;

export async function hasAdministrator(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  return row !== undefined;
}

/**
 * A one-time link to create the first administrator. The token travels in the URL's
 * fragment, which browsers never send to a server, so it stays out of access logs.
 */
export async function issueSetupLink(db: Queryable, publicUrl: string, now: Date): Promise<{ url: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await db.insert(setupTokens).values({ tokenHash: sha256(token), expiresAt: expiresAt.toISOString(), createdAt: now.toISOString() });
  return { url: `${publicUrl}/setup#token=${token}`, expiresAt };
}

/** Uses up a setup token; false when it is unknown, used or expired. */
export async function consumeSetupToken(db: Queryable, token: string, now: Date): Promise<boolean> {
  const used = await db
    .update(setupTokens)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(setupTokens.tokenHash, sha256(token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now.toISOString())))
    .returning({ tokenHash: setupTokens.tokenHash });
  return used.length === 1;
}
