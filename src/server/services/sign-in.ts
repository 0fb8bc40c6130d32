import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { fieldError, wrongCredentialsDetail } from '@/api/contract/problem-bodies';
import { LOCKOUT_AFTER, LOCKOUT_MINUTES, type passwordChangeInputSchema, type SessionUser, type signInInputSchema } from '@/api/contract/session';
import { endSession, endSessionsOf } from '../auth/session-store';
import type { ServerContext } from '../context';
import { decoyHash, hashPassword, verifyPassword } from '../crypto/passwords';
import type { Queryable } from '../db/database';
import { users } from '../db/schema';
import { refuse } from './refused';

type Context = Pick<ServerContext, 'db' | 'now'>;

/**
 * Claims one password check for the account before it is made, in one statement: guesses
 * sent in parallel each count before any is checked, so a burst gets no more checks than
 * the lockout allows. False while the account is locked.
 */
async function claimPasswordCheck(db: Queryable, userId: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  const lockOver = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at}::timestamptz)`;
  const attempts = sql`(case when ${lockOver} then 1 else ${users.failedSignIns} + 1 end)`;
  const claimed = await db
    .update(users)
    .set({
      failedSignIns: attempts,
      lockedUntil: sql`case when ${attempts} >= ${LOCKOUT_AFTER} then ${lockUntil}::timestamptz when ${lockOver} then null else ${users.lockedUntil} end`,
    })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, at))))
    .returning({ id: users.id });
  return claimed.length === 1;
}

/** The user whose password this is; the session signed in before (if any) ends. */
export async function checkSignIn({ db, now: clock }: Context, input: z.output<typeof signInInputSchema>, previousTokenHash?: string): Promise<SessionUser> {
  const now = clock();
  const [user] = await db.select().from(users).where(eq(users.email, input.email));
  if (!user) {
    await verifyPassword(input.password, await decoyHash());
    throw refuse.unauthorized(wrongCredentialsDetail);
  }
  if (!(await claimPasswordCheck(db, user.id, now))) {
    // The same work as a real check, so that the answer's timing tells nothing more.
    await verifyPassword(input.password, await decoyHash());
    const [locked] = await db.select({ until: users.lockedUntil }).from(users).where(eq(users.id, user.id));
    throw refuse.lockedOut(Math.max(1, Math.ceil((new Date(locked?.until ?? now).getTime() - now.getTime()) / 1000)));
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw refuse.unauthorized(wrongCredentialsDetail);
  await db.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now.toISOString(), lastActiveAt: now.toISOString() }).where(eq(users.id, user.id));
  if (previousTokenHash) await endSession(db, previousTokenHash);
  return { id: user.id, name: user.name, email: user.email, role: user.role, presence: user.presence };
}

export async function signOut(db: Queryable, tokenHash: string): Promise<void> {
  await endSession(db, tokenHash);
}

/** A new password ends every other session of the user. */
export async function changePassword({ db, now }: Context, session: { userId: string; tokenHash: string }, input: z.output<typeof passwordChangeInputSchema>): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, session.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw refuse.validation([fieldError('currentPassword', 'password.wrong')]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now().toISOString(), version: user.version + 1 })
      .where(eq(users.id, user.id));
    await endSessionsOf(tx, user.id, session.tokenHash);
  });
}
