import type { FastifyPluginAsync } from 'fastify';
import { botInputSchema } from '@/api/contract/bot';
import { workstreamCreateInputSchema, workstreamUpdateInputSchema } from '@/api/contract/workstream';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { requestAssignment } from '../services/assignment';
import { actorOf } from '../services/audit';
import { removeWorkstreamBot, setWorkstreamBot } from '../services/workstream-bot';
import { createWorkstream, deleteWorkstream, getWorkstream, listWorkstreams, requireWorkstream, updateWorkstream } from '../services/workstreams';

export function workstreamRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/workstreams', async () => ({ items: await listWorkstreams(context.db) }));

    app.post('/workstreams', async (request, reply) => {
      const workstream = await createWorkstream(context, actorOf(request), parseBody(workstreamCreateInputSchema, request.body));
      return reply.status(201).header('location', `/api/workstreams/${workstream.id}`).send(workstream);
    });

    app.get('/workstreams/:id', async (request) => getWorkstream(context.db, pathId(request.params, 'id', 'workstream')));

    app.patch('/workstreams/:id', async (request) => {
      const id = pathId(request.params, 'id', 'workstream');
      await requireWorkstream(context.db, id);
      const updated = await updateWorkstream(context, actorOf(request), id, parseBody(workstreamUpdateInputSchema, request.body));
      // Its capacity, presences, skills or wrap-up decide who may take what waits.
      await requestAssignment(context);
      return updated;
    });

    app.put('/workstreams/:id/bot', async (request) => {
      const id = pathId(request.params, 'id', 'workstream');
      await requireWorkstream(context.db, id);
      return setWorkstreamBot(context, actorOf(request), id, parseBody(botInputSchema, request.body));
    });

    app.delete('/workstreams/:id/bot', async (request, reply) => {
      await removeWorkstreamBot(context, actorOf(request), pathId(request.params, 'id', 'workstream'), request.log);
      return reply.status(204).send();
    });

    app.delete('/workstreams/:id', async (request, reply) => {
      await deleteWorkstream(context, actorOf(request), pathId(request.params, 'id', 'workstream'));
      return reply.status(204).send();
    });
  };
}
