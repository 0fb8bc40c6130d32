import { and, eq, ne } from 'drizzle-orm';
import type { FieldError } from '@/api/contract/problem';
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
import { requestAssignment } from './assignment';
import { memberIdsOf, replaceMembers, unknownMemberErrors } from './queue-members';
import { queueUsage, queueView, queueViews } from './queue-views';
import { refuse } from './refused';

type Context = Pick<ServerContext, 'db' | 'now'>;
type RoutingContext = Pick<ServerContext, 'db' | 'now' | 'assignment'>;
type QueueRow = typeof queues.$inferSelect;
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

/** member.notPending at `pendingMembers.N` for every e-mail that is not among the queue's pending members. */
function notPendingErrors(stored: QueueRow, kept: readonly string[]): FieldError[] {
  const pending = new Set(stored.pendingMembers.map((member) => member.email.toLowerCase()));
  return kept.flatMap((email, index) => (pending.has(email) ? [] : [fieldError(`pendingMembers.${index}`, 'member.notPending')]));
}

async function refuseUnknownMembers(db: Queryable, memberIds: readonly string[] | undefined, more: FieldError[] = []): Promise<void> {
  const errors = [...(memberIds === undefined ? [] : await unknownMemberErrors(db, memberIds)), ...more];
  if (errors.length > 0) throw refuse.validation(errors);
}

export async function listQueues({ db, now }: Context): Promise<Queue[]> {
  return (await queueViews(db, now())).sort(byPriorityThenName);
}

export async function getQueue({ db, now }: Context, id: string): Promise<Queue> {
  const queue = await queueView(db, id, now());
  if (!queue) throw refuse.notFound('queue');
  return queue;
}

export async function createQueue({ db, now }: Context, actor: Actor, input: QueueCreateInput): Promise<Queue> {
  await refuseUnknownMembers(db, input.memberIds);
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
          operatingHours: input.operatingHours,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      await replaceMembers(tx, row!.id, input.memberIds);
      await recordAudit(tx, actor, { action: 'created', entityType: 'queue', entityId: row!.id, entityName: row!.name }, now());
      return (await queueView(tx, row!.id, now()))!;
    })
    .catch(onMembershipRace)
    .catch(onNameRace);
}

export async function updateQueue(context: RoutingContext, actor: Actor, id: string, input: QueueUpdateInput): Promise<Queue> {
  const { db, now } = context;
  const { version, ...changes } = input;
  let routingChanged = false;
  const queue = await db
    .transaction(async (tx) => {
      const stored = await findQueue(tx, id);
      if (!stored) throw refuse.notFound('queue');
      if (stored.version !== version) throw refuse.versionConflict('queue');
      const { memberIds, pendingMembers } = changes;
      await refuseUnknownMembers(tx, memberIds, pendingMembers === undefined ? [] : notPendingErrors(stored, pendingMembers));
      if (changes.name !== undefined && (await nameInUse(tx, changes.name, id))) throw nameTaken();
      const storedMemberIds = await memberIdsOf(tx, id);
      const [row] = await tx
        .update(queues)
        .set({
          ...(changes.name === undefined ? {} : { name: changes.name, nameKey: nameKey(changes.name) }),
          ...(changes.priority === undefined ? {} : { priority: changes.priority }),
          ...(pendingMembers === undefined ? {} : { pendingMembers: stored.pendingMembers.filter((member) => pendingMembers.includes(member.email.toLowerCase())) }),
          ...(changes.operatingHours === undefined ? {} : { operatingHours: changes.operatingHours }),
          updatedAt: now().toISOString(),
          version: stored.version + 1,
        })
        .where(and(eq(queues.id, id), eq(queues.version, version)))
        .returning();
      if (!row) throw refuse.versionConflict('queue');
      if (memberIds !== undefined) await replaceMembers(tx, id, memberIds);
      const changed = changedFields(auditedFieldsOf(stored, storedMemberIds), {
        name: changes.name,
        priority: changes.priority,
        operatingHours: changes.operatingHours,
        // Users and those still waiting for an invitation are one list to the person reading the log.
        members: membersForAudit(memberIds, pendingMembers, stored, storedMemberIds),
      });
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: 'updated', entityType: 'queue', entityId: id, entityName: row.name, changedFields: changed }, now());
      }
      // New members, longer hours or a higher priority may let a waiting conversation go.
      routingChanged = changed.some((field) => field !== 'name');
      return (await queueView(tx, id, now()))!;
    })
    .catch(onMembershipRace)
    .catch(onNameRace);
  if (routingChanged) await requestAssignment(context);
  return queue;
}

function auditedFieldsOf(stored: QueueRow, memberIds: readonly string[]) {
  return {
    name: stored.name,
    priority: stored.priority,
    operatingHours: stored.operatingHours,
    members: { users: memberIds, pending: stored.pendingMembers.map((member) => member.email.toLowerCase()) },
  };
}

/** The members an update leaves, as auditedFieldsOf has them; undefined when it sends neither list. */
function membersForAudit(memberIds: string[] | undefined, pendingMembers: string[] | undefined, stored: QueueRow, storedMemberIds: readonly string[]) {
  if (memberIds === undefined && pendingMembers === undefined) return undefined;
  const pending = stored.pendingMembers.map((member) => member.email.toLowerCase());
  return {
    users: memberIds?.map((memberId) => memberId.toLowerCase()) ?? storedMemberIds,
    pending: pendingMembers === undefined ? pending : pending.filter((email) => pendingMembers.includes(email)),
  };
}

/** A member removed between the check and the save: the same answer as if it had been gone before. */
function onMembershipRace(error: unknown): never {
  if (brokenConstraint(error)?.constraint === 'queue_members_user_id_users_id_fk') throw refuse.validation([fieldError('memberIds', 'member.unknownUser')]);
  throw error;
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
