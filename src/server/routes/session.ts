import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { accountLockedBody, fieldError, wrongCredentialsDetail } from '@/api/contract/problem-bodies';
import { LOCKOUT_AFTER, LOCKOUT_MINUTES, passwordChangeInputSchema, signInInputSchema, type Session } from '@/api/contract/session';
import { sessionCookieName } from '../auth/access';
import { cookieOptions } from '../auth/sign-in';
import { endSession, endSessionsOf } from '../auth/session-store';
import { startSession } from '../auth/sign-in';
import type { ServerContext } from '../context';
import { decoyHash, hashPassword, verifyPassword } from '../crypto/passwords';
import { users } from '../db/schema';
import { parseBody } from '../http/input';
import { HttpProblem, problems } from '../http/problem';

export { LOCKOUT_AFTER, LOCKOUT_MINUTES };

export function sessionRoutes(context: ServerContext): FastifyPluginAsync {
  const { db, config } = context;
  const cookieName = sessionCookieName(config.publicUrl);

  /**
   * Claims one password check for the account before it is made, in one statement: guesses
   * sent in parallel each count before any is checked, so a burst gets no more checks than
   * the lockout allows. False while the account is locked.
   */
  async function claimPasswordCheck(userId: string, now: Date): Promise<boolean> {
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

  const sessionBody = (request: FastifyRequest): Session => {
    const session = request.session;
    if (!session) throw problems.unauthorized();
    return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
  };

  return async (app) => {
    app.get('/session', { config: { access: 'public' } }, async (request) => sessionBody(request));

    app.post(
      '/session',
      {
        config: {
          access: 'public',
          rateLimit: { max: config.signInAttemptsPerMinute, timeWindow: 60_000 },
        },
      },
      async (request, reply) => {
        const input = parseBody(signInInputSchema, request.body);
        const now = context.now();
        const [user] = await db.select().from(users).where(eq(users.email, input.email));
        if (!user) {
          await verifyPassword(input.password, await decoyHash());
          throw problems.unauthorized(wrongCredentialsDetail);
        }
        if (!(await claimPasswordCheck(user.id, now))) {
          // The same work as a real check, so that the answer's timing tells nothing more.
          await verifyPassword(input.password, await decoyHash());
          const [locked] = await db.select({ until: users.lockedUntil }).from(users).where(eq(users.id, user.id));
          const seconds = Math.max(1, Math.ceil((new Date(locked?.until ?? now).getTime() - now.getTime()) / 1000));
          throw new HttpProblem(accountLockedBody(seconds), { 'retry-after': String(seconds) });
        }
        if (!(await verifyPassword(input.password, user.passwordHash))) throw problems.unauthorized(wrongCredentialsDetail);
        await db.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now.toISOString() }).where(eq(users.id, user.id));
        if (request.session) await endSession(db, request.session.tokenHash);
        return startSession(context, reply, { id: user.id, name: user.name, email: user.email, role: user.role });
      },
    );

    // Signing out twice, or after the session expired, is not an error.
    app.delete('/session', { config: { access: 'public' } }, async (request, reply) => {
      if (request.session) await endSession(db, request.session.tokenHash);
      reply.clearCookie(cookieName, cookieOptions(config));
      return reply.status(204).send();
    });

    // Limited like sign-in: a borrowed session must not become a way to guess the password.
    app.put('/session/password', { config: { access: 'signedIn', rateLimit: { max: config.signInAttemptsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
      const session = request.session!;
      const input = parseBody(passwordChangeInputSchema, request.body);
      const [user] = await db.select().from(users).where(eq(users.id, session.user.id));
      if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw problems.validation([fieldError('currentPassword', 'password.wrong')]);
      }
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, updatedAt: context.now().toISOString(), version: user.version + 1 })
          .where(eq(users.id, user.id));
        await endSessionsOf(tx, user.id, session.tokenHash);
      });
      return reply.status(204).send();
    });
  };
}

