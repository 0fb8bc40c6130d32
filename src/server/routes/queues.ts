import type { FastifyPluginAsync } from 'fastify';
import { queueCreateInputSchema, queueUpdateInputSchema } from '@/api/contract/queue';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { requestAssignment } from '../services/assignment';
import { actorOf } from '../services/audit';
import { queueOverview } from '../services/queue-overview';
import { createQueue, deleteQueue, getQueue, listQueues, requireQueue, updateQueue } from '../services/queues';

export function queueRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/queues', async () => ({ items: await listQueues(context) }));

    app.get('/queues/overview', async () => queueOverview(context));

    app.post('/queues', async (request, reply) => {
      const queue = await createQueue(context, actorOf(request), parseBody(queueCreateInputSchema, request.body));
      return reply.status(201).header('location', `/api/queues/${queue.id}`).send(queue);
    });

    app.get('/queues/:id', async (request) => getQueue(context, pathId(request.params, 'id', 'queue')));

    app.patch('/queues/:id', async (request) => {
      const id = pathId(request.params, 'id', 'queue');
      await requireQueue(context.db, id);
      const updated = await updateQueue(context, actorOf(request), id, parseBody(queueUpdateInputSchema, request.body));
      // New members, other opening hours or priority: what waits there may go now.
      await requestAssignment(context);
      return updated;
    });

    app.delete('/queues/:id', async (request, reply) => {
      await deleteQueue(context, actorOf(request), pathId(request.params, 'id', 'queue'));
      return reply.status(204).send();
    });
  };
}
