import type { FastifyPluginAsync } from 'fastify';
import { accountCreateInputSchema, accountUpdateInputSchema } from '@/api/contract/whatsapp-account';
import { numberCreateInputSchema, numberUpdateInputSchema } from '@/api/contract/whatsapp-number';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import {
  addNumber,
  createAccount,
  deleteAccount,
  deleteNumber,
  getAccount,
  listAccounts,
  listNumbers,
  requireAccount,
  requireNumber,
  updateAccount,
  updateNumber,
} from '../services/accounts';
import { actorOf } from '../services/audit';

export function whatsAppAccountRoutes(context: ServerContext): FastifyPluginAsync {
  const { db, config } = context;

  return async (app) => {
    // A changed token, number or a deleted account: this instance's webhook checks read it again.
    app.addHook('onSend', async (request) => {
      const { id } = request.params as { id?: unknown };
      if (request.method !== 'GET' && typeof id === 'string') context.webhookCredentials.forget(id.toLowerCase());
    });

    app.get('/whatsapp-accounts', async () => ({ items: await listAccounts(db, config.publicUrl) }));

    app.post('/whatsapp-accounts', async (request, reply) => {
      const account = await createAccount(context, actorOf(request), parseBody(accountCreateInputSchema, request.body));
      return reply.status(201).header('location', `/api/whatsapp-accounts/${account.id}`).send(account);
    });

    app.get('/whatsapp-accounts/:id', async (request) => getAccount(db, config.publicUrl, pathId(request.params, 'id', 'account')));

    app.patch('/whatsapp-accounts/:id', async (request) => {
      const id = pathId(request.params, 'id', 'account');
      await requireAccount(db, id);
      return updateAccount(context, actorOf(request), id, parseBody(accountUpdateInputSchema, request.body));
    });

    app.delete('/whatsapp-accounts/:id', async (request, reply) => {
      await deleteAccount(context, actorOf(request), pathId(request.params, 'id', 'account'));
      return reply.status(204).send();
    });

    app.get('/whatsapp-accounts/:id/numbers', async (request) => ({ items: await listNumbers(db, pathId(request.params, 'id', 'account')) }));

    app.post('/whatsapp-accounts/:id/numbers', async (request, reply) => {
      const accountId = pathId(request.params, 'id', 'account');
      await requireAccount(db, accountId);
      return reply.status(201).send(await addNumber(context, actorOf(request), accountId, parseBody(numberCreateInputSchema, request.body)));
    });

    app.patch('/whatsapp-accounts/:id/numbers/:numberId', async (request) => {
      const accountId = pathId(request.params, 'id', 'number');
      const numberId = pathId(request.params, 'numberId', 'number');
      await requireNumber(db, accountId, numberId);
      return updateNumber(context, actorOf(request), accountId, numberId, parseBody(numberUpdateInputSchema, request.body));
    });

    app.delete('/whatsapp-accounts/:id/numbers/:numberId', async (request, reply) => {
      await deleteNumber(context, actorOf(request), pathId(request.params, 'id', 'number'), pathId(request.params, 'numberId', 'number'));
      return reply.status(204).send();
    });
  };
}
