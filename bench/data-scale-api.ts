import Fastify, { type FastifyInstance } from 'fastify';
import type { SessionUser } from '@/api/contract/session';
import type { ServerContext } from '../src/server/context';
import type { Database } from '../src/server/db/database';
import { registerErrorHandling } from '../src/server/http/errors';
import { conversationRoutes } from '../src/server/routes/conversations';

/** Which of the bench's viewers a request is made as. */
export const VIEWER_HEADER = 'x-bench-viewer';

/**
 * The product's conversation routes, unchanged, in an app of their own: the list and the
 * messages page build their queries inside the route handlers, so the bench calls the
 * handlers. A header picks the signed-in user instead of a session cookie, so no session
 * lookup is timed. The routes read nothing of the context but `db`.
 */
export async function conversationApi(db: Database, viewers: Record<string, SessionUser>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    const user = viewers[String(request.headers[VIEWER_HEADER])];
    if (user) request.session = { tokenHash: 'bench', user, csrfToken: 'bench', expiresAt: new Date(Date.now() + 3_600_000), cameBack: false };
  });
  registerErrorHandling(app);
  const context = { db } as ServerContext;
  await app.register(conversationRoutes(context), { prefix: '/api' });
  await app.ready();
  return app;
}

/** GET as a viewer, as the browser would: the answer's body as text, or an error naming the status. */
export async function getAs(app: FastifyInstance, viewer: string, url: string): Promise<string> {
  const response = await app.inject({ method: 'GET', url, headers: { [VIEWER_HEADER]: viewer } });
  if (response.statusCode !== 200) throw new Error(`GET ${url} as ${viewer}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  return response.body;
}
