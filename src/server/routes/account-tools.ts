import type { FastifyPluginAsync } from 'fastify';
import { sandboxJoinCodeInputSchema } from '@/api/contract/account-tools';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { getSandboxStatus, requireToolAccount, setSandboxJoinCode, syncTemplatesFromTwilio, verifyCredentials } from '../services/account-tools';
import { actorOf } from '../services/audit';

/** /api/whatsapp-accounts/:id/{verify,templates/sync,sandbox}: administrators' tools that talk to Twilio. */
export function accountToolRoutes(context: ServerContext): FastifyPluginAsync {
  const accountId = (params: unknown) => pathId(params, 'id', 'account');

  return async (app) => {
    app.post('/whatsapp-accounts/:id/verify', async (request) => verifyCredentials(context, accountId(request.params)));

    app.post('/whatsapp-accounts/:id/templates/sync', async (request) => syncTemplatesFromTwilio(context, actorOf(request), accountId(request.params)));

    app.get('/whatsapp-accounts/:id/sandbox', async (request) => getSandboxStatus(context, accountId(request.params)));

    app.put('/whatsapp-accounts/:id/sandbox', async (request) => {
      const id = accountId(request.params);
      await requireToolAccount(context.db, id);
      const { joinCode } = parseBody(sandboxJoinCodeInputSchema, request.body);
      return setSandboxJoinCode(context, actorOf(request), id, joinCode);
    });
  };
}
