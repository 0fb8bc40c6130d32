import type { FastifyPluginAsync } from 'fastify';
import { setupInputSchema } from '@/api/contract/session';
import { startSession } from '../auth/sign-in';
import type { ServerContext } from '../context';
import { parseBody } from '../http/input';
import { createFirstAdministrator, refuseWhenSetUp, setupNeeded } from '../services/setup';

export function setupRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/setup', { config: { access: 'public' } }, async () => ({ needed: await setupNeeded(context.db) }));

    app.post('/setup', { config: { access: 'public', rateLimit: { max: context.config.signInAttemptsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
      await refuseWhenSetUp(context.db);
      const user = await createFirstAdministrator(context, parseBody(setupInputSchema, request.body));
      return startSession(context, reply, user);
    });
  };
}
