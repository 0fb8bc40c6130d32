import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_HEADER } from '@/api/contract/session';
import type { ServerContext } from '../context';
import { sameSecret } from '../crypto/tokens';
import { problems } from '../http/problem';
import { requestAssignment } from '../services/assignment';
import { announcePresence } from '../services/presence';
import { findSession, type ActiveSession } from './session-store';

/**
 * Who may call a route, declared on each route (`config: { access }`). Routes that do not
 * declare it are for administrators only: a forgotten rule fails closed.
 */
export type Access = 'public' | 'signedIn' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: ActiveSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionCookieName(publicUrl: string): string {
  // The __Host- prefix pins the cookie to this origin, over HTTPS only.
  return publicUrl.startsWith('https:') ? '__Host-wa_session' : 'wa_session';
}

export function accessGuard(context: ServerContext) {
  const cookieName = sessionCookieName(context.config.publicUrl);
  const ownOrigin = new URL(context.config.publicUrl).origin;

  return async function guard(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.session = null;
    const access: Access = request.routeOptions.config?.access ?? 'admin';
    const changes = !SAFE_METHODS.has(request.method);

    // A browser always says where a cross-site request comes from; only our own pages may change things.
    const origin = request.headers.origin;
    if (changes && origin !== undefined && origin !== ownOrigin && origin !== requestOrigin(request)) {
      throw problems.forbidden('This request comes from another site.');
    }

    const token = request.cookies[cookieName];
    if (token) request.session = await findSession(context.db, token, context.now(), context.config.sessionIdleMinutes);
    if (request.session?.cameBack) {
      // Routing counted them Offline until now.
      await announcePresence(context, request.session.user.id, request.session.user.presence);
      await requestAssignment(context);
    }
    if (access === 'public') return;

    const session = request.session;
    if (!session) throw problems.unauthorized();
    if (access === 'admin' && session.user.role !== 'admin') throw problems.forbidden();
    if (changes) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
        throw problems.forbidden('The request is missing its security token. Reload the page and try again.');
      }
    }
  };
}

function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}
