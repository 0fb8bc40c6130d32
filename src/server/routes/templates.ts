import type { FastifyPluginAsync } from 'fastify';
import { templateCreateInputSchema, templateUpdateInputSchema } from '@/api/contract/message-template';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { actorOf } from '../services/audit';
import { createTemplate, deleteTemplate, listTemplates, requireTemplate, requireTemplateAccount, updateTemplate } from '../services/templates';

/** /api/whatsapp-accounts/:id/templates: the message templates of one account. */
export function templateRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  /** The account of the path, which must exist before anything else is looked at. */
  const accountOf = async (params: unknown) => {
    const accountId = pathId(params, 'id', 'account');
    await requireTemplateAccount(db, accountId);
    return accountId;
  };

  return async (app) => {
    // Agents read them too: outside the 24-hour window a template is all they may send.
    app.get('/whatsapp-accounts/:id/templates', { config: { access: 'signedIn' } }, async (request) => ({
      items: await listTemplates(db, await accountOf(request.params)),
    }));

    app.post('/whatsapp-accounts/:id/templates', async (request, reply) => {
      const accountId = await accountOf(request.params);
      const created = await createTemplate(context, actorOf(request), accountId, parseBody(templateCreateInputSchema, request.body));
      return reply.status(201).header('location', `/api/whatsapp-accounts/${accountId}/templates/${created.id}`).send(created);
    });

    app.patch('/whatsapp-accounts/:id/templates/:templateId', async (request) => {
      const accountId = await accountOf(request.params);
      const templateId = pathId(request.params, 'templateId', 'template');
      await requireTemplate(db, accountId, templateId);
      return updateTemplate(context, actorOf(request), accountId, templateId, parseBody(templateUpdateInputSchema, request.body));
    });

    app.delete('/whatsapp-accounts/:id/templates/:templateId', async (request, reply) => {
      const accountId = await accountOf(request.params);
      await deleteTemplate(context, actorOf(request), accountId, pathId(request.params, 'templateId', 'template'));
      return reply.status(204).send();
    });
  };
}
