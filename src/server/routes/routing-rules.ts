import type { FastifyPluginAsync } from 'fastify';
import { routingRulesInputSchema } from '@/api/contract/routing-rule';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { actorOf } from '../services/audit';
import { getRoutingRules, replaceRoutingRules, requireRoutingWorkstream } from '../services/routing-rules';

/** GET/PUT /api/workstreams/:id/routing-rules: the whole ordered list is read and replaced at once. */
export function routingRuleRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/workstreams/:id/routing-rules', async (request) => getRoutingRules(context.db, pathId(request.params, 'id', 'workstream')));

    app.put('/workstreams/:id/routing-rules', async (request) => {
      const id = pathId(request.params, 'id', 'workstream');
      await requireRoutingWorkstream(context.db, id);
      return replaceRoutingRules(context, actorOf(request), id, parseBody(routingRulesInputSchema, request.body));
    });
  };
}
