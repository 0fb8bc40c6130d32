import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { fieldError } from '@/api/contract/problem-bodies';
import { whatsAppSetupInputSchema } from '@/api/contract/whatsapp-setup';
import { changedFields } from '@/domain/audit-changes';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { whatsappNumbers, workstreams } from '../db/schema';
import { isUuid, parseBody, pathId } from '../http/input';
import { problems } from '../http/problem';
import { actorOf, recordAudit } from '../services/audit';
import { findWorkstream, setupFieldsOf, workstreamView } from '../services/workstream-views';

/** A field of the request names nothing that exists: the caller's input is wrong, not the state. */
const numberNotFound = () => problems.validation([fieldError('numberId', 'number.notFound')]);

const numberBound = (workstreamName: string) =>
  problems.conflict(`The workstream “${workstreamName}” already uses this number. Remove its WhatsApp setup first, or choose another number.`, [
    fieldError('numberId', 'number.bound'),
  ]);

async function numberExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.select({ id: whatsappNumbers.id }).from(whatsappNumbers).where(eq(whatsappNumbers.id, id))).length > 0;
}

async function workstreamUsing(db: Queryable, numberId: string, exceptId: string) {
  const [row] = await db
    .select({ name: workstreams.name })
    .from(workstreams)
    .where(and(eq(workstreams.whatsappNumberId, numberId), ne(workstreams.id, exceptId)));
  return row;
}

/** PUT/DELETE /api/workstreams/:id/whatsapp: the "Set up WhatsApp" result, which binds a number. */
export function workstreamWhatsAppRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;

  return async (app) => {
    app.put('/workstreams/:id/whatsapp', async (request) => {
      const id = pathId(request.params, 'id', 'workstream');
      if (!(await findWorkstream(db, id))) throw problems.notFound('workstream');
      const { version, ...input } = parseBody(whatsAppSetupInputSchema, request.body);
      const numberId = input.numberId.toLowerCase();
      return db
        .transaction(async (tx) => {
          const stored = await findWorkstream(tx, id);
          if (!stored) throw problems.notFound('workstream');
          if (stored.version !== version) throw problems.versionConflict('workstream');
          if (!isUuid(numberId) || !(await numberExists(tx, numberId))) throw numberNotFound();
          const other = await workstreamUsing(tx, numberId, id);
          if (other) throw numberBound(other.name);

          const now = context.now().toISOString();
          const [row] = await tx
            .update(workstreams)
            .set({
              whatsappNumberId: numberId,
              whatsapp: { language: input.language, automatedMessages: input.automatedMessages, survey: input.survey, attachments: input.attachments, updatedAt: now },
              updatedAt: now,
              version: stored.version + 1,
            })
            .where(and(eq(workstreams.id, id), eq(workstreams.version, version)))
            .returning({ id: workstreams.id });
          if (!row) throw problems.versionConflict('workstream');

          // Recorded under the workstream: the setup has no id or name of its own.
          const entity = { entityType: 'whatsappSetup', entityId: id, entityName: stored.name } as const;
          const before = setupFieldsOf(stored);
          if (before === null) await recordAudit(tx, actorOf(request), { action: 'created', ...entity }, context.now());
          else {
            const changed = changedFields(before, { ...input, numberId });
            if (changed.length > 0) await recordAudit(tx, actorOf(request), { action: 'updated', ...entity, changedFields: changed }, context.now());
          }
          return workstreamView(tx, id);
        })
        .catch(async (error: unknown) => {
          const broken = brokenConstraint(error);
          // Another workstream bound the number, or its account took it away, after the checks.
          if (broken?.constraint === 'workstreams_whatsapp_number_unique') {
            const other = await workstreamUsing(db, numberId, id);
            throw numberBound(other?.name ?? 'another workstream');
          }
          if (broken?.constraint === 'workstreams_whatsapp_number_id_whatsapp_numbers_id_fk') throw numberNotFound();
          throw error;
        });
    });

    app.delete('/workstreams/:id/whatsapp', async (request, reply) => {
      const id = pathId(request.params, 'id', 'WhatsApp setup');
      await db.transaction(async (tx) => {
        // Locked: a setup saved meanwhile is either removed with it or waits for the removal.
        const [stored] = await tx.select().from(workstreams).where(eq(workstreams.id, id)).for('update');
        if (!stored?.whatsapp) throw problems.notFound('WhatsApp setup');
        await tx
          .update(workstreams)
          .set({ whatsappNumberId: null, whatsapp: null, updatedAt: context.now().toISOString(), version: stored.version + 1 })
          .where(eq(workstreams.id, id));
        await recordAudit(tx, actorOf(request), { action: 'deleted', entityType: 'whatsappSetup', entityId: id, entityName: stored.name }, context.now());
      });
      return reply.status(204).send();
    });
  };
}
