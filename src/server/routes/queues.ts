import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { fieldError, queueInUseDetail } from '@/api/contract/problem-bodies';
import { queueCreateInputSchema, queueUpdateInputSchema } from '@/api/contract/queue';
import { changedFields } from '@/domain/audit-changes';
import { byPriorityThenName } from '@/domain/list-order';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { queues } from '../db/schema';
import { parseBody, pathId } from '../http/input';
import { problems } from '../http/problem';
import { actorOf, recordAudit } from '../services/audit';
import { queueUsage, queueView, toQueue } from '../services/queue-views';

/** Queue names are unique whatever their case; the schema has already trimmed them. */
const nameKey = (name: string) => name.trim().toLocaleLowerCase();
const nameTaken = () => problems.conflict('Another queue already has this name.', [fieldError('name', 'queueName.taken')]);

/** The foreign keys that keep a queue while a workstream or a routing rule uses it. */
const QUEUE_IN_USE_CONSTRAINTS = ['workstreams_fallback_queue_id_queues_id_fk', 'routing_rules_queue_id_queues_id_fk'];

async function findQueue(db: Queryable, id: string) {
  const [row] = await db.select().from(queues).where(eq(queues.id, id));
  return row;
}

async function nameInUse(db: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const key = eq(queues.nameKey, nameKey(name));
  const rows = await db
    .select({ id: queues.id })
    .from(queues)
    .where(exceptId ? and(key, ne(queues.id, exceptId)) : key);
  return rows.length > 0;
}

export function queueRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  const onNameRace = (error: unknown): never => {
    throw brokenConstraint(error)?.constraint === 'queues_name_unique' ? nameTaken() : error;
  };

  return async (app) => {
    app.get('/queues', async () => {
      const rows = await db.select().from(queues);
      const usage = await queueUsage(db);
      return { items: rows.map((row) => toQueue(row, usage.get(row.id) ?? [])).sort(byPriorityThenName) };
    });

    app.post('/queues', async (request, reply) => {
      const input = parseBody(queueCreateInputSchema, request.body);
      if (await nameInUse(db, input.name)) throw nameTaken();
      const queue = await db
        .transaction(async (tx) => {
          const now = context.now().toISOString();
          const [row] = await tx
            .insert(queues)
            .values({
              name: input.name,
              nameKey: nameKey(input.name),
              type: input.type,
              priority: input.priority,
              members: input.members,
              operatingHours: input.operatingHours,
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          await recordAudit(tx, actorOf(request), { action: 'created', entityType: 'queue', entityId: row!.id, entityName: row!.name }, context.now());
          return toQueue(row!, []);
        })
        .catch(onNameRace);
      return reply.status(201).header('location', `/api/queues/${queue.id}`).send(queue);
    });

    app.get('/queues/:id', async (request) => {
      const queue = await queueView(db, pathId(request.params, 'id', 'queue'));
      if (!queue) throw problems.notFound('queue');
      return queue;
    });

    app.patch('/queues/:id', async (request) => {
      const id = pathId(request.params, 'id', 'queue');
      if (!(await findQueue(db, id))) throw problems.notFound('queue');
      const { version, ...changes } = parseBody(queueUpdateInputSchema, request.body);
      return db
        .transaction(async (tx) => {
          const stored = await findQueue(tx, id);
          if (!stored) throw problems.notFound('queue');
          if (stored.version !== version) throw problems.versionConflict('queue');
          if (changes.name !== undefined && (await nameInUse(tx, changes.name, id))) throw nameTaken();
          const [row] = await tx
            .update(queues)
            .set({
              ...(changes.name === undefined ? {} : { name: changes.name, nameKey: nameKey(changes.name) }),
              ...(changes.priority === undefined ? {} : { priority: changes.priority }),
              ...(changes.members === undefined ? {} : { members: changes.members }),
              ...(changes.operatingHours === undefined ? {} : { operatingHours: changes.operatingHours }),
              updatedAt: context.now().toISOString(),
              version: stored.version + 1,
            })
            .where(and(eq(queues.id, id), eq(queues.version, version)))
            .returning();
          if (!row) throw problems.versionConflict('queue');
          const before = { name: stored.name, priority: stored.priority, members: stored.members, operatingHours: stored.operatingHours };
          const changed = changedFields(before, changes);
          if (changed.length > 0) {
            await recordAudit(tx, actorOf(request), { action: 'updated', entityType: 'queue', entityId: id, entityName: row.name, changedFields: changed }, context.now());
          }
          return toQueue(row, (await queueUsage(tx, [id])).get(id) ?? []);
        })
        .catch(onNameRace);
    });

    app.delete('/queues/:id', async (request, reply) => {
      const id = pathId(request.params, 'id', 'queue');
      await db
        .transaction(async (tx) => {
          const stored = await findQueue(tx, id);
          if (!stored) throw problems.notFound('queue');
          const usedBy = (await queueUsage(tx, [id])).get(id) ?? [];
          if (usedBy.length > 0) throw problems.conflict(queueInUseDetail(usedBy), [fieldError('usedBy', 'queue.inUse')]);
          await tx.delete(queues).where(eq(queues.id, id));
          await recordAudit(tx, actorOf(request), { action: 'deleted', entityType: 'queue', entityId: id, entityName: stored.name }, context.now());
        })
        .catch(async (error: unknown) => {
          // A workstream or a rule took the queue between the check and the delete.
          const broken = brokenConstraint(error);
          if (!broken || !QUEUE_IN_USE_CONSTRAINTS.includes(broken.constraint)) throw error;
          const usedBy = (await queueUsage(db, [id])).get(id) ?? [];
          const detail = usedBy.length > 0 ? queueInUseDetail(usedBy) : 'A workstream or a routing rule uses this queue. Choose another queue there first, then delete this one.';
          throw problems.conflict(detail, [fieldError('usedBy', 'queue.inUse')]);
        });
      return reply.status(204).send();
    });
  };
}
