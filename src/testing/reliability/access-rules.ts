/**
 * Who may call each route: the reviewed list that access-matrix.test.ts holds the app to.
 * A route the app registers without an entry here fails that test, and so does an entry
 * whose route is gone, or whose rule differs from the route's declared access.
 */
export type AccessRule =
  /** Anyone, with or without a session (the guard still refuses cross-site changes). */
  | 'public'
  /** Agents and administrators. */
  | 'signedIn'
  /** Administrators only (the guard's default for a route that declares nothing). */
  | 'admin'
  /** Outside the API, for load balancers and orchestrators. */
  | 'open'
  /** Twilio's webhooks: signed with the account's auth token; a session counts for nothing. */
  | 'twilioSignature'
  /** An outbound attachment for Twilio to fetch: the link's random token is the key. */
  | 'mediaLink';

export interface RouteRule {
  rule: AccessRule;
  /** The route's own answer to a caller whose session cookie opens no session (not a refusal by the guard). */
  withDeadSession?: 401;
}

const publicRoute: RouteRule = { rule: 'public' };
const signedIn: RouteRule = { rule: 'signedIn' };
const admin: RouteRule = { rule: 'admin' };

export const accessRules: Record<string, RouteRule> = {
  'GET /healthz': { rule: 'open' },
  'GET /readyz': { rule: 'open' },

  // "Who am I": nobody (200) without a cookie; 401 when the cookie's session has ended, which the app shows as signed out.
  'GET /api/session': { rule: 'public', withDeadSession: 401 },
  'POST /api/session': publicRoute,
  'DELETE /api/session': publicRoute,
  'PUT /api/session/password': signedIn,
  'PUT /api/session/presence': signedIn,
  'GET /api/setup': publicRoute,
  'POST /api/setup': publicRoute,

  'GET /api/users': admin,
  'POST /api/users': admin,
  'PATCH /api/users/:id': admin,
  'DELETE /api/users/:id': admin,
  'GET /api/audit-events': admin,

  'GET /api/whatsapp-accounts': admin,
  'POST /api/whatsapp-accounts': admin,
  'GET /api/whatsapp-accounts/:id': admin,
  'PATCH /api/whatsapp-accounts/:id': admin,
  'DELETE /api/whatsapp-accounts/:id': admin,
  'GET /api/whatsapp-accounts/:id/numbers': admin,
  'POST /api/whatsapp-accounts/:id/numbers': admin,
  'PATCH /api/whatsapp-accounts/:id/numbers/:numberId': admin,
  'DELETE /api/whatsapp-accounts/:id/numbers/:numberId': admin,
  // Agents pick a template to answer a customer whose 24-hour window has closed.
  'GET /api/whatsapp-accounts/:id/templates': signedIn,
  'POST /api/whatsapp-accounts/:id/templates': admin,
  'PATCH /api/whatsapp-accounts/:id/templates/:templateId': admin,
  'DELETE /api/whatsapp-accounts/:id/templates/:templateId': admin,
  'POST /api/whatsapp-accounts/:id/verify': admin,
  'POST /api/whatsapp-accounts/:id/templates/sync': admin,
  'GET /api/whatsapp-accounts/:id/sandbox': admin,
  'PUT /api/whatsapp-accounts/:id/sandbox': admin,

  'GET /api/queues': admin,
  'GET /api/queues/overview': admin,
  'POST /api/queues': admin,
  'GET /api/queues/:id': admin,
  'PATCH /api/queues/:id': admin,
  'DELETE /api/queues/:id': admin,

  'GET /api/workstreams': admin,
  'POST /api/workstreams': admin,
  'GET /api/workstreams/:id': admin,
  'PATCH /api/workstreams/:id': admin,
  'DELETE /api/workstreams/:id': admin,
  'PUT /api/workstreams/:id/whatsapp': admin,
  'DELETE /api/workstreams/:id/whatsapp': admin,
  'GET /api/workstreams/:id/routing-rules': admin,
  'PUT /api/workstreams/:id/routing-rules': admin,
  'PUT /api/workstreams/:id/bot': admin,
  'DELETE /api/workstreams/:id/bot': admin,

  // Conversations: every signed-in person; which ones an agent sees is the routes' own filter.
  'GET /api/conversations': signedIn,
  'GET /api/conversations/:id': signedIn,
  'GET /api/conversations/:id/messages': signedIn,
  'POST /api/conversations/:id/messages': signedIn,
  'POST /api/conversations/:id/accept': signedIn,
  'POST /api/conversations/:id/close': signedIn,
  'POST /api/conversations/:id/transfer': signedIn,
  'GET /api/conversations/:id/transfer-targets': signedIn,
  'GET /api/conversations/:id/quick-replies': signedIn,
  'POST /api/conversations/:id/release': signedIn,
  'POST /api/conversations/:id/media': signedIn,
  'GET /api/events': signedIn,
  'GET /api/media/:id': signedIn,

  'POST /webhooks/twilio/whatsapp/:accountId': { rule: 'twilioSignature' },
  'POST /webhooks/twilio/status/:accountId': { rule: 'twilioSignature' },
  'GET /media/:id/:token': { rule: 'mediaLink' },
};

/** The rules the API's guard enforces from a route's declared `config.access`. */
export const guardedRules: ReadonlySet<AccessRule> = new Set(['public', 'signedIn', 'admin']);
