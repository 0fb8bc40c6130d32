import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { administratorExistsDetail, fieldError } from '@/api/contract/problem-bodies';
import type { setupInputSchema } from '@/api/contract/session';
import { userValidationMessages } from '@/domain/validation/users';
import { consumeSetupToken, hasAdministrator } from '../auth/setup-link';
import type { ServerContext } from '../context';
import { hashPassword } from '../crypto/passwords';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { users } from '../db/schema';
import { recordAudit } from './audit';
import { refuse } from './refused';

type SetupInput = z.output<typeof setupInputSchema>;

const administratorExists = () => refuse.conflict(administratorExistsDetail, []);

export async function setupNeeded(db: Queryable): Promise<boolean> {
  return !(await hasAdministrator(db));
}

/** Refuses once the first administrator exists: before the body is read. */
export async function refuseWhenSetUp(db: Queryable): Promise<void> {
  if (await hasAdministrator(db)) throw administratorExists();
}

/** The first administrator, through the one-time setup link. */
export async function createFirstAdministrator({ db, now }: Pick<ServerContext, 'db' | 'now'>, input: SetupInput) {
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      // One setup at a time, even across server instances sharing the database.
      await tx.execute(sql`select pg_advisory_xact_lock(7262001)`);
      if (await hasAdministrator(tx)) throw administratorExists();
      if (!(await consumeSetupToken(tx, input.token, now()))) {
        throw refuse.validation([fieldError('token', 'setup.linkInvalid')]);
      }
      const at = now().toISOString();
      const [row] = await tx
        .insert(users)
        .values({ name: input.name, email: input.email, role: 'admin', passwordHash, createdAt: at, updatedAt: at, lastSignInAt: at, lastActiveAt: at })
        .returning({ id: users.id, name: users.name, email: users.email, role: users.role, presence: users.presence });
      await recordAudit(tx, { id: row!.id, name: row!.name }, { action: 'created', entityType: 'user', entityId: row!.id, entityName: row!.name }, now());
      return row!;
    })
    .catch((error: unknown) => {
      if (brokenConstraint(error)?.constraint === 'users_email_unique') {
        throw refuse.conflict(userValidationMessages['email.taken'], [fieldError('email', 'email.taken')]);
      }
      throw error;
    });
}
