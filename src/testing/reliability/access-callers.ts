import type { RouteRule } from './access-rules';

/** Who sends a request in the access matrix, and what it carries. */
export interface Caller {
  /** The session cookie sent: none, a live one of an agent or administrator, or a dead one. */
  session: 'none' | 'agent' | 'admin' | 'signedOut' | 'expired';
  /** The CSRF header: the session's own token, none, or the token of another session of the same person. */
  csrf: 'own' | 'none' | 'otherSession';
  /** An Origin header of another site. */
  origin?: string;
  /** Twilio's secrets: the webhook signature of the account's token, the attachment link's token. */
  holdsKey?: true;
  /** Only meaningful for requests that change something. */
  changesOnly?: true;
  /** Asks a GET route with HEAD, which Fastify answers beside every GET. */
  head?: true;
}

export const callers = {
  anonymous: { session: 'none', csrf: 'none' },
  agent: { session: 'agent', csrf: 'own' },
  admin: { session: 'admin', csrf: 'own' },
  signedOut: { session: 'signedOut', csrf: 'own' },
  expired: { session: 'expired', csrf: 'own' },
  noCsrf: { session: 'admin', csrf: 'none', changesOnly: true },
  otherCsrf: { session: 'admin', csrf: 'otherSession', changesOnly: true },
  crossSite: { session: 'admin', csrf: 'own', origin: 'https://evil.example', changesOnly: true },
  twilio: { session: 'none', csrf: 'none', holdsKey: true },
  anonymousHead: { session: 'none', csrf: 'none', head: true },
  agentHead: { session: 'agent', csrf: 'own', head: true },
} satisfies Record<string, Caller>;

export type CallerName = keyof typeof callers;
export const callerNames = Object.keys(callers) as CallerName[];

/** Let through (the route's own answer), or refused with this status. */
export type Expected = 'allowed' | 401 | 403 | 404;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the reviewed rule promises this caller; null where the caller does not apply (a CSRF case on a GET). */
export function expectedAnswer(route: RouteRule, method: string, name: CallerName): Expected | null {
  const caller: Caller = callers[name];
  const changes = !SAFE_METHODS.has(method);
  if (caller.changesOnly && !changes) return null;
  if (caller.head && method !== 'GET') return null;
  switch (route.rule) {
    case 'open':
      return 'allowed';
    case 'twilioSignature':
      return caller.holdsKey ? 'allowed' : 403;
    case 'mediaLink':
      // A wrong link looks like no attachment at all.
      return caller.holdsKey ? 'allowed' : 404;
    default:
      break;
  }
  if (changes && caller.origin) return 403;
  const live = caller.session === 'agent' || caller.session === 'admin';
  if (route.rule === 'public') return !live && caller.session !== 'none' && route.withDeadSession ? route.withDeadSession : 'allowed';
  if (!live) return 401;
  if (route.rule === 'admin' && caller.session === 'agent') return 403;
  if (changes && caller.csrf !== 'own') return 403;
  return 'allowed';
}
