import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { fieldError } from '@/api/contract/problem-bodies';
import type { z } from 'zod';
import type { User, userCreateInputSchema, userUpdateInputSchema } from '@/api/contract/user';
import { changedFields } from '@/domain/audit-changes';
import { compareNames } from '@/domain/list-order';
import { userValidationMessages } from '@/domain/validation/users';
import { effectivePresence } from '@/domain/work-distribution/presence';
import { endSessionsOf } from '../auth/session-store';
import type { ServerContext } from '../context';
import { hashPassword } from '../crypto/passwords';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { users } from '../db/schema';
import { iso, isoOrNull } from '../db/timestamps';
import { requestAssignment, returnConversationsOf } from './assignment';
import { recordAudit, type Actor } from './audit';
import { publishConversationChange } from './conversation-events';
import { memberQueueIds } from './conversation-views';
import { adoptPendingMemberships, recordMembersChanged } from './queue-members';
import { refuse } from './refused';

type Context = Pick<ServerContext, 'db' | 'now'>;
/** Changes that routing acts on: they publish and request an assignment pass once committed. */
type RoutingContext = Pick<ServerContext, 'db' | 'now' | 'events' | 'assignment'>;
type UserCreateInput = z.output<typeof userCreateInputSchema>;
type UserUpdateInput = z.output<typeof userUpdateInputSchema>;

/** Who asks: their own account is guarded, and their own session survives a change of it. */
export interface Caller {
  actor: Actor;
  userId: string | undefined;
  tokenHash: string | undefined;
}

type UserRow = typeof users.$inferSelect;

/** Held while a change could remove an administrator, across every server instance. */
export const ADMINISTRATORS_LOCK = 7262002;

function toUser(row: UserRow, now: Date): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    presence: effectivePresence(row.presence, isoOrNull(row.lastActiveAt), now),
    capacity: row.capacity,
    skills: row.skills,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    lastSignInAt: isoOrNull(row.lastSignInAt),
    version: row.version,
  };
}

const refusal = (code: 'email.taken' | 'user.self' | 'user.lastAdmin', path: string) =>
  refuse.conflict(userValidationMessages[code], [fieldError(path, code)]);
const emailTaken = () => refusal('email.taken', 'email');
const byName = (a: UserRow, b: UserRow) => compareNames(a.name, b.name) || a.id.localeCompare(b.id);

/**
 * Why a user may not be removed or demoted, on the field that asked; null when they may.
 * The last administrator is named first: it says what to do, where "not yourself" would not.
 */
async function guard(db: Queryable, target: UserRow, path: 'id' | 'role', signedInId: string | undefined) {
  // Two administrators demoting each other at once must not both see "another one is left".
  await db.execute(sql`select pg_advisory_xact_lock(${ADMINISTRATORS_LOCK})`);
  if (target.role === 'admin' && (await otherAdministrators(db, target.id)) === 0) return refusal('user.lastAdmin', path);
  if (target.id === signedInId) return refusal('user.self', path);
  return null;
}

async function otherAdministrators(db: Queryable, exceptId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(and(eq(users.role, 'admin'), ne(users.id, exceptId)));
  return Number(row?.n ?? 0);
}

const find = async (tx: Queryable, id: string) => (await tx.select().from(users).where(eq(users.id, id)))[0];
const onEmailRace = (error: unknown) => {
  throw brokenConstraint(error)?.constraint === 'users_email_unique' ? emailTaken() : error;
};

export async function listUsers({ db, now }: Context): Promise<User[]> {
  const at = now();
  return (await db.select().from(users).orderBy(asc(users.createdAt))).sort(byName).map((row) => toUser(row, at));
}

/** Refuses a missing user: a 404 comes before the body is read. */
export async function requireUser(db: Queryable, id: string): Promise<void> {
  if (!(await find(db, id))) throw refuse.notFound('user');
}

export async function createUser(context: RoutingContext, caller: Caller, input: UserCreateInput): Promise<User> {
  const { db, now } = context;
  if ((await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))).length > 0) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  let joinedQueues: string[] = [];
  const user = await db
    .transaction(async (tx) => {
      const at = now().toISOString();
      const [row] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, role: input.role, passwordHash, capacity: input.capacity, skills: input.skills, createdAt: at, updatedAt: at })
        .returning();
      await recordAudit(tx, caller.actor, { action: 'created', entityType: 'user', entityId: row!.id, entityName: row!.name }, now());
      // Someone listed in a queue before they had an account is a member from now on.
      joinedQueues = await adoptPendingMemberships(tx, caller.actor, row!, now());
      return toUser(row!, now());
    })
    .catch(onEmailRace);
  if (joinedQueues.length > 0) await requestAssignment(context);
  return user;
}

export async function updateUser(context: RoutingContext, caller: Caller, id: string, input: UserUpdateInput): Promise<User> {
  const { db, now } = context;
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  let routingChanged = false;
  const user = await db
    .transaction(async (tx) => {
      const stored = await find(tx, id);
      if (!stored) throw refuse.notFound('user');
      if (stored.version !== input.version) throw refuse.versionConflict('user');
      if (input.role === 'agent' && stored.role === 'admin') {
        const refused = await guard(tx, stored, 'role', caller.userId);
        if (refused) throw refused;
      }
      if (input.email !== undefined && (await tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, id)))).length > 0) {
        throw emailTaken();
      }
      const changed = changedFields({ name: stored.name, email: stored.email, role: stored.role, capacity: stored.capacity, skills: stored.skills }, input);
      const [row] = await tx
        .update(users)
        .set({
          ...(input.name === undefined ? {} : { name: input.name }),
          ...(input.email === undefined ? {} : { email: input.email }),
          ...(input.role === undefined ? {} : { role: input.role }),
          ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
          ...(input.skills === undefined ? {} : { skills: input.skills }),
          ...(passwordHash === undefined ? {} : { passwordHash, failedSignIns: 0, lockedUntil: null }),
          updatedAt: now().toISOString(),
          version: stored.version + 1,
        })
        .where(and(eq(users.id, id), eq(users.version, input.version)))
        .returning();
      if (!row) throw refuse.versionConflict('user');
      // A new password or a changed role must not leave old sessions behind; a role sent unchanged changes nothing.
      const roleChanged = input.role !== undefined && input.role !== stored.role;
      if (passwordHash !== undefined || roleChanged) await endSessionsOf(tx, id, id === caller.userId ? caller.tokenHash : undefined);
      if (changed.length > 0) {
        await recordAudit(tx, caller.actor, { action: 'updated', entityType: 'user', entityId: id, entityName: row.name, changedFields: changed }, now());
      }
      routingChanged = changed.includes('capacity') || changed.includes('skills');
      return toUser(row, now());
    })
    .catch(onEmailRace);
  if (routingChanged) await requestAssignment(context);
  return user;
}

export async function deleteUser(context: RoutingContext, caller: Caller, id: string): Promise<void> {
  const { db, now } = context;
  const returned = await db.transaction(async (tx) => {
    const stored = await find(tx, id);
    if (!stored) throw refuse.notFound('user');
    const refused = await guard(tx, stored, 'id', caller.userId);
    if (refused) throw refused;
    // Their open conversations go back to their queues before the user row goes.
    const conversationIds = await returnConversationsOf(tx, id, now());
    const queueIds = await memberQueueIds(tx, id);
    // Their sessions and queue memberships go with them (ON DELETE CASCADE): each of those queues changed too.
    await tx.delete(users).where(eq(users.id, id));
    await recordAudit(tx, caller.actor, { action: 'deleted', entityType: 'user', entityId: id, entityName: stored.name }, now());
    await recordMembersChanged(tx, caller.actor, queueIds, now());
    return conversationIds;
  });
  for (const conversationId of returned) await publishConversationChange(context, conversationId, [], undefined, { queueId: null, assigneeId: id });
  if (returned.length > 0) await requestAssignment(context);
}
