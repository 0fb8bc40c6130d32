import { and, eq, gt, isNull, lt, ne, or } from 'drizzle-orm';
import type { SessionUser } from '@/api/contract/session';
import { effectivePresence } from '@/domain/work-distribution/presence';
import { randomToken, sha256 } from '../crypto/tokens';
import type { Queryable } from '../db/database';
import { sessions, users } from '../db/schema';
import { isoOrNull } from '../db/timestamps';

export interface ActiveSession {
  tokenHash: string;
  user: SessionUser;
  csrfToken: string;
  expiresAt: Date;
  /** The user had gone quiet (routing counted them Offline) until this request. */
  cameBack: boolean;
}

/** How often a session's last activity is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;
/** How often a user's last activity (their presence's freshness) is written: not on every request either. */
export const ACTIVITY_EVERY_MS = 30_000;

export async function createSession(db: Queryable, userId: string, now: Date, idleMinutes: number) {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + idleMinutes * 60_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { token, csrfToken, expiresAt };
}

/** A live session (not ended, not expired) and its user, by the token's hash. */
function liveSession(db: Queryable, tokenHash: string, now: Date) {
  return db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, name: users.name, email: users.email, role: users.role, presence: users.presence },
      lastActiveAt: users.lastActiveAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now.toISOString())));
}

/** The user of a session that is still live, without sliding its expiry (an open event stream does not keep it alive). */
export async function liveSessionUser(db: Queryable, tokenHash: string, now: Date): Promise<ActiveSession['user'] | null> {
  const [row] = await liveSession(db, tokenHash, now);
  return row?.user ?? null;
}

/** The session of a cookie's token, sliding its expiry; null when unknown or expired. */
export async function findSession(db: Queryable, token: string, now: Date, idleMinutes: number): Promise<ActiveSession | null> {
  const tokenHash = sha256(token);
  const [row] = await liveSession(db, tokenHash, now);
  if (!row) return null;
  let expiresAt = new Date(row.expiresAt);
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > TOUCH_EVERY_MS) {
    expiresAt = new Date(now.getTime() + idleMinutes * 60_000);
    await db
      .update(sessions)
      .set({ lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  let cameBack = false;
  if (row.lastActiveAt === null || now.getTime() - new Date(row.lastActiveAt).getTime() >= ACTIVITY_EVERY_MS) {
    const touched = await touchActivity(db, row.user.id, now);
    cameBack = touched && effectivePresence('available', isoOrNull(row.lastActiveAt), now) === 'offline';
  }
  return { tokenHash, user: row.user, csrfToken: row.csrfToken, expiresAt, cameBack };
}

/**
 * Notes that the user is around, unless that was noted less than ACTIVITY_EVERY_MS ago: one
 * conditional update, so that concurrent requests write once. True when it wrote.
 */
export async function touchActivity(db: Queryable, userId: string, now: Date): Promise<boolean> {
  const staleBefore = new Date(now.getTime() - ACTIVITY_EVERY_MS).toISOString();
  const touched = await db
    .update(users)
    .set({ lastActiveAt: now.toISOString() })
    .where(and(eq(users.id, userId), or(isNull(users.lastActiveAt), lt(users.lastActiveAt, staleBefore))))
    .returning({ id: users.id });
  return touched.length > 0;
}

export async function endSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user, except the one that asked (after a password change). */
export async function endSessionsOf(db: Queryable, userId: string, except?: string): Promise<void> {
  await db.delete(sessions).where(except ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, except)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString()));
}
