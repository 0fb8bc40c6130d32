import type { FastifyPluginAsync } from 'fastify';
import { problemTypes } from '@/api/contract/problem';
import type { ServerContext } from '../context';
import { sendProblem } from '../http/errors';
import { checkDatabase } from '../services/readiness';

export function healthRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    /** The process answers. */
    app.get('/healthz', async () => ({ status: 'ok' }));
    /** The process can serve: its database answers. */
    app.get('/readyz', async (request, reply) => {
      try {
        await checkDatabase(context.db);
        return { status: 'ready' };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return sendProblem(reply, { type: problemTypes.unavailable, title: 'Not ready', status: 503, detail: 'The database does not answer.' });
      }
    });
  };
}
