import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';

// Placeholder, written during issue 6.
export function conversationActionRoutes(_context: ServerContext): FastifyPluginAsync {
  return async () => undefined;
}
