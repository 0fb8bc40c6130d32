import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { administratorExistsDetail, fieldError } from '@/api/contract/problem-bodies';
import { setupInputSchema } from '@/api/contract/session';
import { consumeSetupToken, hasAdministrator } from '../auth/setup-link';
import { startSession } from '../auth/sign-in';
import type { ServerContext } from '../context';
import { hashPassword } from '../crypto/passwords';
import { users } from '../db/schema';
import { parseBody } from '../http/input';
import { brokenConstraint } from '../db/constraints';
import { userValidationMessages } from '@/domain/validation/users';
import { problems } from '../http/problem';
import { recordAudit } from '../services/audit';

const administratorExists = () => problems.conflict(administratorExistsDetail, []);

export function setupRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  return async (app) => {
    app.get('/setup', { config: { access: 'public' } }, async () => ({ needed: !(await hasAdministrator(db)) }));

    app.post('/setup', { config: { access: 'public', rateLimit: { max: context.config.signInAttemptsPerMinute, timeWindow: 60_000 } } }, async (request, reply) => {
      if (await hasAdministrator(db)) throw administratorExists();
      const input = parseBody(setupInputSchema, request.body);
      const passwordHash = await hashPassword(input.password);
      const user = await db
        .transaction(async (tx) => {
        // One setup at a time, even across server instances sharing the database.
        await tx.execute(sql`select pg_advisory_xact_lock(7262001)`);
        if (await hasAdministrator(tx)) throw administratorExists();
        if (!(await consumeSetupToken(tx, input.token, context.now()))) {
          throw problems.validation([fieldError('token', 'setup.linkInvalid')]);
        }
        const now = context.now().toISOString();
        const [row] = await tx
          .insert(users)
          .values({ name: input.name, email: input.email, role: 'admin', passwordHash, createdAt: now, updatedAt: now, lastSignInAt: now })
          .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
        await recordAudit(tx, { id: row!.id, name: row!.name }, { action: 'created', entityType: 'user', entityId: row!.id, entityName: row!.name }, context.now());
        return row!;
        })
        .catch((error: unknown) => {
          if (brokenConstraint(error)?.constraint === 'users_email_unique') {
            throw problems.conflict(userValidationMessages['email.taken'], [fieldError('email', 'email.taken')]);
          }
          throw error;
        });
      return startSession(context, reply, user);
    });
  };
}
