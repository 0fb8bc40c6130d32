import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { unauthorizedBody } from '@/api/contract/problem-bodies';
import { passwordChangeInputSchema, signInInputSchema, type SessionAnswer } from '@/api/contract/session';
import { presenceInputSchema } from '@/api/contract/user';
import { sessionCookieName } from '../auth/access';
import { cookieOptions, startSession } from '../auth/sign-in';
import type { ServerContext } from '../context';
import { sendProblem } from '../http/errors';
import { parseBody } from '../http/input';
import { setPresence } from '../services/presence';
import { setupNeeded } from '../services/setup';
import { changePassword, checkSignIn, signOut } from '../services/sign-in';

export function sessionRoutes(context: ServerContext): FastifyPluginAsync {
  const { db, config } = context;
  const cookieName = sessionCookieName(config.publicUrl);

  const sessionAnswer = async (request: FastifyRequest, reply: FastifyReply): Promise<SessionAnswer | FastifyReply> => {
    const session = request.session;
    if (session) return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
    // A cookie that opens no session says once that it has ended; the cookie goes with the answer.
    if (request.cookies[cookieName]) {
      return sendProblem(reply.clearCookie(cookieName, cookieOptions(config)), unauthorizedBody());
    }
    return { user: null, setupNeeded: await setupNeeded(db) };
  };

  return async (app) => {
    app.get('/session', { config: { access: 'public' } }, sessionAnswer);

    app.post(
      '/session',
      {
        config: {
          access: 'public',
          rateLimit: { max: config.signInAttemptsPerMinute, timeWindow: 60_000 },
        },
      },
      async (request, reply) => {
        const user = await checkSignIn(context, parseBody(signInInputSchema, request.body), request.session?.tokenHash);
        return startSession(context, reply, user);
      },
    );

    // Signing out twice, or after the session expired, is not an error.
    app.delete('/session', { config: { access: 'public' } }, async (request, reply) => {
      if (request.session) await signOut(db, request.session.tokenHash);
      reply.clearCookie(cookieName, cookieOptions(config));
      return reply.status(204).send();
    });

    // Limited like sign-in: a borrowed session must not become a way to guess the password.
    app.put('/session/password', { config: { access: 'signedIn', rateLimit: { max: config.signInAttemptsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
      const session = request.session!;
      await changePassword(context, { userId: session.user.id, tokenHash: session.tokenHash }, parseBody(passwordChangeInputSchema, request.body));
      return reply.status(204).send();
    });

    app.put('/session/presence', { config: { access: 'signedIn' } }, async (request) => {
      const { presence } = parseBody(presenceInputSchema, request.body);
      return setPresence(context, request.session!.user.id, presence);
    });
  };
}
