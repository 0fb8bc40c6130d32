import type { FastifyPluginAsync } from 'fastify';
import { auditQuerySchema } from '@/api/contract/audit-event';
import type { ServerContext } from '../context';
import { problems } from '../http/problem';
import { listAuditEvents } from '../services/audit-events';

export function auditRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/audit-events', async (request) => {
      const parsed = auditQuerySchema.safeParse(request.query);
      if (!parsed.success) throw problems.zod(parsed.error, request.query);
      return listAuditEvents(context.db, parsed.data);
    });
  };
}
