import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';

/** Queues, workstreams, their WhatsApp setup and routing rules, and message templates. */
export function configurationRoutes(_context: ServerContext): FastifyPluginAsync {
  return async () => {};
}
