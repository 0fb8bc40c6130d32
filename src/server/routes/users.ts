import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { fieldError } from '@/api/contract/problem-bodies';
import { userCreateInputSchema, userUpdateInputSchema, type User } from '@/api/contract/user';
import { changedFields } from '@/domain/audit-changes';
import { compareNames } from '@/domain/list-order';
import { userValidationMessages } from '@/domain/validation/users';
import { endSessionsOf } from '../auth/session-store';
import type { ServerContext } from '../context';
import { hashPassword } from '../crypto/passwords';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { users } from '../db/schema';
import { iso, isoOrNull } from '../db/timestamps';
import { parseBody, pathId } from '../http/input';
import { problems } from '../http/problem';
import { actorOf, recordAudit } from '../services/audit';

type UserRow = typeof users.$inferSelect;

/** Held while a change could remove an administrator, across every server instance. */
export const ADMINISTRATORS_LOCK = 7262002;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    lastSignInAt: isoOrNull(row.lastSignInAt),
    version: row.version,
  };
}

const refusal = (code: 'email.taken' | 'user.self' | 'user.lastAdmin', path: string) =>
  problems.conflict(userValidationMessages[code], [fieldError(path, code)]);
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

export function userRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  const find = async (tx: Queryable, id: string) => (await tx.select().from(users).where(eq(users.id, id)))[0];
  const onEmailRace = (error: unknown) => {
    throw brokenConstraint(error)?.constraint === 'users_email_unique' ? emailTaken() : error;
  };

  return async (app) => {
    app.get('/users', async () => ({ items: (await db.select().from(users).orderBy(asc(users.createdAt))).sort(byName).map(toUser) }));

    app.post('/users', async (request, reply) => {
      const input = parseBody(userCreateInputSchema, request.body);
      if ((await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))).length > 0) throw emailTaken();
      const passwordHash = await hashPassword(input.password);
      const created = await db
        .transaction(async (tx) => {
          const now = context.now().toISOString();
          const [row] = await tx
            .insert(users)
            .values({ name: input.name, email: input.email, role: input.role, passwordHash, createdAt: now, updatedAt: now })
            .returning();
          await recordAudit(tx, actorOf(request), { action: 'created', entityType: 'user', entityId: row!.id, entityName: row!.name }, context.now());
          return toUser(row!);
        })
        .catch(onEmailRace);
      return reply.status(201).header('location', `/api/users/${created.id}`).send(created);
    });

    app.patch('/users/:id', async (request) => {
      const id = pathId(request.params, 'id', 'user');
      if (!(await find(db, id))) throw problems.notFound('user');
      const input = parseBody(userUpdateInputSchema, request.body);
      const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
      return db
        .transaction(async (tx) => {
          const stored = await find(tx, id);
          if (!stored) throw problems.notFound('user');
          if (stored.version !== input.version) throw problems.versionConflict('user');
          if (input.role === 'agent' && stored.role === 'admin') {
            const refused = await guard(tx, stored, 'role', request.session?.user.id);
            if (refused) throw refused;
          }
          if (input.email !== undefined && (await tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, id)))).length > 0) {
            throw emailTaken();
          }
          const changed = changedFields({ name: stored.name, email: stored.email, role: stored.role }, input);
          const [row] = await tx
            .update(users)
            .set({
              ...(input.name === undefined ? {} : { name: input.name }),
              ...(input.email === undefined ? {} : { email: input.email }),
              ...(input.role === undefined ? {} : { role: input.role }),
              ...(passwordHash === undefined ? {} : { passwordHash, failedSignIns: 0, lockedUntil: null }),
              updatedAt: context.now().toISOString(),
              version: stored.version + 1,
            })
            .where(and(eq(users.id, id), eq(users.version, input.version)))
            .returning();
          if (!row) throw problems.versionConflict('user');
          // A new password or a lost role must not leave old sessions behind.
          if (passwordHash !== undefined || input.role !== undefined) await endSessionsOf(tx, id, id === request.session?.user.id ? request.session.tokenHash : undefined);
          if (changed.length > 0) {
            await recordAudit(tx, actorOf(request), { action: 'updated', entityType: 'user', entityId: id, entityName: row.name, changedFields: changed }, context.now());
          }
          return toUser(row);
        })
        .catch(onEmailRace);
    });

    app.delete('/users/:id', async (request, reply) => {
      const id = pathId(request.params, 'id', 'user');
      await db.transaction(async (tx) => {
        const stored = await find(tx, id);
        if (!stored) throw problems.notFound('user');
        const refused = await guard(tx, stored, 'id', request.session?.user.id);
        if (refused) throw refused;
        // Their sessions go with them (ON DELETE CASCADE).
        await tx.delete(users).where(eq(users.id, id));
        await recordAudit(tx, actorOf(request), { action: 'deleted', entityType: 'user', entityId: id, entityName: stored.name }, context.now());
      });
      return reply.status(204).send();
    });
  };
}
