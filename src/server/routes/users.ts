import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { userCreateInputSchema, userUpdateInputSchema } from '@/api/contract/user';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { requestAssignment } from '../services/assignment';
import { actorOf } from '../services/audit';
import { createUser, deleteUser, listUsers, requireUser, updateUser, type Caller } from '../services/users';

const callerOf = (request: FastifyRequest): Caller => ({ actor: actorOf(request), userId: request.session?.user.id, tokenHash: request.session?.tokenHash });

export function userRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/users', async () => ({ items: await listUsers(context) }));

    app.post('/users', async (request, reply) => {
      const created = await createUser(context, callerOf(request), parseBody(userCreateInputSchema, request.body));
      // A pending member of a queue is a member now, and may take what waits there.
      await requestAssignment(context);
      return reply.status(201).header('location', `/api/users/${created.id}`).send(created);
    });

    app.patch('/users/:id', async (request) => {
      const id = pathId(request.params, 'id', 'user');
      await requireUser(context.db, id);
      const updated = await updateUser(context, callerOf(request), id, parseBody(userUpdateInputSchema, request.body));
      // More capacity or new skills may let a waiting conversation through.
      await requestAssignment(context);
      return updated;
    });

    app.delete('/users/:id', async (request, reply) => {
      await deleteUser(context, callerOf(request), pathId(request.params, 'id', 'user'));
      return reply.status(204).send();
    });
  };
}
