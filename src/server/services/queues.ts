import { and, eq, ne } from 'drizzle-orm';
import { fieldError, problemDetails, queueInUseDetail } from '@/api/contract/problem-bodies';
import type { z } from 'zod';
import type { Queue, queueCreateInputSchema, queueUpdateInputSchema } from '@/api/contract/queue';
import { changedFields } from '@/domain/audit-changes';
import { byPriorityThenName } from '@/domain/list-order';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { queues } from '../db/schema';
import { recordAudit, type Actor } from './audit';
import { queueUsage, queueView, toQueue } from './queue-views';
import { refuse } from './refused';

type Context = Pick<ServerContext, 'db' | 'now'>;
type QueueCreateInput = z.output<typeof queueCreateInputSchema>;
type QueueUpdateInput = z.output<typeof queueUpdateInputSchema>;

/** Queue names are unique whatever their case; the schema has already trimmed them. */
const nameKey = (name: string) => name.trim().toLocaleLowerCase();
const nameTaken = () => refuse.conflict(problemDetails.queueNameTaken, [fieldError('name', 'queueName.taken')]);

/** The foreign keys that keep a queue while a workstream or a routing rule uses it. */
const QUEUE_IN_USE_CONSTRAINTS = ['workstreams_fallback_queue_id_queues_id_fk', 'routing_rules_queue_id_queues_id_fk'];

const onNameRace = (error: unknown): never => {
  throw brokenConstraint(error)?.constraint === 'queues_name_unique' ? nameTaken() : error;
};

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

export async function listQueues(db: Queryable): Promise<Queue[]> {
  const rows = await db.select().from(queues);
  const usage = await queueUsage(db);
  return rows.map((row) => toQueue(row, usage.get(row.id) ?? [])).sort(byPriorityThenName);
}

export async function getQueue(db: Queryable, id: string): Promise<Queue> {
  const queue = await queueView(db, id);
  if (!queue) throw refuse.notFound('queue');
  return queue;
}

export async function createQueue({ db, now }: Context, actor: Actor, input: QueueCreateInput): Promise<Queue> {
  if (await nameInUse(db, input.name)) throw nameTaken();
  return db
    .transaction(async (tx) => {
      const at = now().toISOString();
      const [row] = await tx
        .insert(queues)
        .values({
          name: input.name,
          nameKey: nameKey(input.name),
          type: input.type,
          priority: input.priority,
          members: input.members,
          operatingHours: input.operatingHours,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await recordAudit(tx, actor, { action: 'created', entityType: 'queue', entityId: row!.id, entityName: row!.name }, now());
      return toQueue(row!, []);
    })
    .catch(onNameRace);
}

export async function updateQueue({ db, now }: Context, actor: Actor, id: string, input: QueueUpdateInput): Promise<Queue> {
  const { version, ...changes } = input;
  return db
    .transaction(async (tx) => {
      const stored = await findQueue(tx, id);
      if (!stored) throw refuse.notFound('queue');
      if (stored.version !== version) throw refuse.versionConflict('queue');
      if (changes.name !== undefined && (await nameInUse(tx, changes.name, id))) throw nameTaken();
      const [row] = await tx
        .update(queues)
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name, nameKey: nameKey(changes.name) }),
          ...(changes.priority === undefined ? {} : { priority: changes.priority }),
          ...(changes.members === undefined ? {} : { members: changes.members }),
          ...(changes.operatingHours === undefined ? {} : { operatingHours: changes.operatingHours }),
          updatedAt: now().toISOString(),
          version: stored.version + 1,
        })
        .where(and(eq(queues.id, id), eq(queues.version, version)))
        .returning();
      if (!row) throw refuse.versionConflict('queue');
      const before = { name: stored.name, priority: stored.priority, members: stored.members, operatingHours: stored.operatingHours };
      const changed = changedFields(before, changes);
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: 'updated', entityType: 'queue', entityId: id, entityName: row.name, changedFields: changed }, now());
      }
      return toQueue(row, (await queueUsage(tx, [id])).get(id) ?? []);
    })
    .catch(onNameRace);
}

/** Refuses a missing queue: a 404 comes before its body is read. */
export async function requireQueue(db: Queryable, id: string): Promise<void> {
  if (!(await findQueue(db, id))) throw refuse.notFound('queue');
}

export async function deleteQueue({ db, now }: Context, actor: Actor, id: string): Promise<void> {
  await db
    .transaction(async (tx) => {
      const stored = await findQueue(tx, id);
      if (!stored) throw refuse.notFound('queue');
      const usedBy = (await queueUsage(tx, [id])).get(id) ?? [];
      if (usedBy.length > 0) throw refuse.conflict(queueInUseDetail(usedBy), [fieldError('usedBy', 'queue.inUse')]);
      await tx.delete(queues).where(eq(queues.id, id));
      await recordAudit(tx, actor, { action: 'deleted', entityType: 'queue', entityId: id, entityName: stored.name }, now());
    })
    .catch(async (error: unknown) => {
      // A workstream or a rule took the queue between the check and the delete.
      const broken = brokenConstraint(error);
      if (!broken || !QUEUE_IN_USE_CONSTRAINTS.includes(broken.constraint)) throw error;
      const usedBy = (await queueUsage(db, [id])).get(id) ?? [];
      const detail = usedBy.length > 0 ? queueInUseDetail(usedBy) : 'A workstream or a routing rule uses this queue. Choose another queue there first, then delete this one.';
      throw refuse.conflict(detail, [fieldError('usedBy', 'queue.inUse')]);
    });
}
