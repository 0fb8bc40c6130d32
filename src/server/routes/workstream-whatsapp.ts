import type { FastifyPluginAsync } from 'fastify';
import { whatsAppSetupInputSchema } from '@/api/contract/whatsapp-setup';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { actorOf } from '../services/audit';
import { removeWhatsAppSetup, requireSetupWorkstream, saveWhatsAppSetup } from '../services/whatsapp-setup';

/** PUT/DELETE /api/workstreams/:id/whatsapp: the "Set up WhatsApp" result, which binds a number. */
export function workstreamWhatsAppRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.put('/workstreams/:id/whatsapp', async (request) => {
      const id = pathId(request.params, 'id', 'workstream');
      await requireSetupWorkstream(context.db, id);
      return saveWhatsAppSetup(context, actorOf(request), id, parseBody(whatsAppSetupInputSchema, request.body));
    });

    app.delete('/workstreams/:id/whatsapp', async (request, reply) => {
      await removeWhatsAppSetup(context, actorOf(request), pathId(request.params, 'id', 'WhatsApp setup'));
      return reply.status(204).send();
    });
  };
}
