import type { FastifyReply } from 'fastify';
import type { Session, SessionUser } from '@/api/contract/session';
import type { ServerContext } from '../context';
import { sessionCookieName } from './access';
import { createSession } from './session-store';

/** The session cookie's attributes; clearing it needs the same ones, or browsers keep it. */
export function cookieOptions(config: ServerContext['config']) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https:') } as const;
}

/** Signs a user in on this reply: a new session every time, so a planted cookie is worthless. */
export async function startSession(context: ServerContext, reply: FastifyReply, user: SessionUser): Promise<Session> {
  const { config } = context;
  const { token, csrfToken, expiresAt } = await createSession(context.db, user.id, context.now(), config.sessionIdleMinutes);
  reply.setCookie(sessionCookieName(config.publicUrl), token, cookieOptions(config));
  return { user, csrfToken, expiresAt: expiresAt.toISOString() };
}
