import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';
import { queueRoutes } from './queues';
import { routingRuleRoutes } from './routing-rules';
import { templateRoutes } from './templates';
import { workstreamWhatsAppRoutes } from './workstream-whatsapp';
import { workstreamRoutes } from './workstreams';

/** Queues, workstreams, their WhatsApp setup and routing rules, and message templates. */
export function configurationRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(queueRoutes(context));
    await app.register(workstreamRoutes(context));
    await app.register(workstreamWhatsAppRoutes(context));
    await app.register(routingRuleRoutes(context));
    await app.register(templateRoutes(context));
  };
}
