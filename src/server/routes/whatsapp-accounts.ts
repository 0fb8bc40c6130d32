import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { fieldError } from '@/api/contract/problem-bodies';
import {
  MAX_NUMBERS_PER_ACCOUNT,
  accountCreateInputSchema,
  accountUpdateInputSchema,
} from '@/api/contract/whatsapp-account';
import { numberCreateInputSchema, numberUpdateInputSchema } from '@/api/contract/whatsapp-number';
import { changedFields } from '@/domain/audit-changes';
import { authTokenHint } from '@/domain/auth-token';
import type { ServerContext } from '../context';
import { seal } from '../crypto/secret-box';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { whatsappAccounts, whatsappNumbers, workstreams } from '../db/schema';
import { parseBody, pathId } from '../http/input';
import { problems } from '../http/problem';
import { accountViews, numbersOf, toNumber } from '../services/accounts-view';
import { actorOf, recordAudit } from '../services/audit';

const nameKey = (name: string) => name.trim().toLocaleLowerCase();
const nameTaken = () => problems.conflict('An account with this name already exists.', [fieldError('name', 'name.taken')]);

/** The problem for a unique or foreign key constraint a racing request broke after the checks passed. */
function constraintProblem(error: unknown, numberPath: string): Error {
  const broken = brokenConstraint(error);
  if (broken?.constraint === 'whatsapp_accounts_name_unique') return nameTaken();
  if (broken?.constraint === 'whatsapp_numbers_number_unique') {
    return problems.conflict('This number is already in use.', [fieldError(numberPath, 'number.taken')]);
  }
  if (broken?.constraint === 'workstreams_whatsapp_number_id_whatsapp_numbers_id_fk') {
    return problems.conflict('A workstream uses this number. Remove its WhatsApp setup first.', [fieldError('number', 'number.inUse')]);
  }
  return error as Error;
}

async function findAccount(db: Queryable, id: string) {
  const [row] = await db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, id));
  return row;
}

async function numberOwner(db: Queryable, number: string, exceptNumberId?: string) {
  const [row] = await db
    .select({ id: whatsappNumbers.id, accountId: whatsappNumbers.accountId })
    .from(whatsappNumbers)
    .where(exceptNumberId ? and(eq(whatsappNumbers.number, number), ne(whatsappNumbers.id, exceptNumberId)) : eq(whatsappNumbers.number, number));
  return row;
}

export function whatsAppAccountRoutes(context: ServerContext): FastifyPluginAsync {
  const { db, config, keyring } = context;
  const view = async (tx: Queryable, id: string) => (await accountViews(tx, config.publicUrl, id))[0]!;

  return async (app) => {
    // A changed token, number or a deleted account: this instance's webhook checks read it again.
    app.addHook('onSend', async (request) => {
      const { id } = request.params as { id?: unknown };
      if (request.method !== 'GET' && typeof id === 'string') context.webhookCredentials.forget(id.toLowerCase());
    });

    app.get('/whatsapp-accounts', async () => ({ items: await accountViews(db, config.publicUrl) }));

    app.post('/whatsapp-accounts', async (request, reply) => {
      const input = parseBody(accountCreateInputSchema, request.body);
      const [sameName] = await db.select({ id: whatsappAccounts.id }).from(whatsappAccounts).where(eq(whatsappAccounts.nameKey, nameKey(input.name)));
      if (sameName) throw nameTaken();
      const owners = await db
        .select({ number: whatsappNumbers.number })
        .from(whatsappNumbers)
        .where(inArray(whatsappNumbers.number, input.numbers.map((n) => n.number)));
      const taken = input.numbers.flatMap((n, i) => (owners.some((o) => o.number === n.number) ? [fieldError(`numbers.${i}.number`, 'number.taken')] : []));
      if (taken.length > 0) throw problems.conflict('Another account already uses a number of this request.', taken);

      const id = randomUUID();
      const now = context.now().toISOString();
      const account = await db
        .transaction(async (tx) => {
          await tx.insert(whatsappAccounts).values({
            id,
            name: input.name,
            nameKey: nameKey(input.name),
            accountSid: input.accountSid,
            authTokenSealed: seal(keyring, input.authToken, id),
            authTokenHint: authTokenHint(input.authToken),
            createdAt: now,
            updatedAt: now,
          });
          // One statement per number keeps the insertion order that lists show.
          for (const n of input.numbers) {
            await tx.insert(whatsappNumbers).values({ accountId: id, name: n.name, number: n.number, createdAt: now });
          }
          await recordAudit(tx, actorOf(request), { action: 'created', entityType: 'account', entityId: id, entityName: input.name }, context.now());
          return view(tx, id);
        })
        .catch((error: unknown) => {
          throw constraintProblem(error, 'numbers.0.number');
        });
      return reply.status(201).header('location', `/api/whatsapp-accounts/${id}`).send(account);
    });

    app.get('/whatsapp-accounts/:id', async (request) => {
      const id = pathId(request.params, 'id', 'account');
      const [account] = await accountViews(db, config.publicUrl, id);
      if (!account) throw problems.notFound('account');
      return account;
    });

    app.patch('/whatsapp-accounts/:id', async (request) => {
      const id = pathId(request.params, 'id', 'account');
      if (!(await findAccount(db, id))) throw problems.notFound('account');
      const input = parseBody(accountUpdateInputSchema, request.body);
      return db
        .transaction(async (tx) => {
          const stored = await findAccount(tx, id);
          if (!stored) throw problems.notFound('account');
          if (stored.version !== input.version) throw problems.versionConflict('account');
          if (input.name !== undefined) {
            const [sameName] = await tx
              .select({ id: whatsappAccounts.id })
              .from(whatsappAccounts)
              .where(and(eq(whatsappAccounts.nameKey, nameKey(input.name)), ne(whatsappAccounts.id, id)));
            if (sameName) throw nameTaken();
          }
          const updated = await tx
            .update(whatsappAccounts)
            .set({
              ...(input.name === undefined ? {} : { name: input.name, nameKey: nameKey(input.name) }),
              ...(input.accountSid === undefined ? {} : { accountSid: input.accountSid }),
              ...(input.authToken === undefined ? {} : { authTokenSealed: seal(keyring, input.authToken, id), authTokenHint: authTokenHint(input.authToken) }),
              updatedAt: context.now().toISOString(),
              version: stored.version + 1,
            })
            .where(and(eq(whatsappAccounts.id, id), eq(whatsappAccounts.version, input.version)))
            .returning({ id: whatsappAccounts.id });
          if (updated.length === 0) throw problems.versionConflict('account');
          const changed = changedFields({ name: stored.name, accountSid: stored.accountSid }, input);
          if (changed.length > 0) {
            await recordAudit(tx, actorOf(request), { action: 'updated', entityType: 'account', entityId: id, entityName: input.name ?? stored.name, changedFields: changed }, context.now());
          }
          return view(tx, id);
        })
        .catch((error: unknown) => {
          throw constraintProblem(error, 'number');
        });
    });

    app.delete('/whatsapp-accounts/:id', async (request, reply) => {
      const id = pathId(request.params, 'id', 'account');
      await db
        .transaction(async (tx) => {
          const stored = await findAccount(tx, id);
          if (!stored) throw problems.notFound('account');
          const bound = await tx
            .select({ number: whatsappNumbers.name, workstream: workstreams.name })
            .from(whatsappNumbers)
            .innerJoin(workstreams, eq(workstreams.whatsappNumberId, whatsappNumbers.id))
            .where(eq(whatsappNumbers.accountId, id));
          if (bound.length > 0) {
            const inUse = bound.map((b) => `${b.number} (${b.workstream})`).join(', ');
            throw problems.conflict(`Workstreams use numbers of this account: ${inUse}. Remove their WhatsApp setup first.`, [fieldError('numbers', 'account.inUse')]);
          }
          await tx.delete(whatsappAccounts).where(eq(whatsappAccounts.id, id));
          await recordAudit(tx, actorOf(request), { action: 'deleted', entityType: 'account', entityId: id, entityName: stored.name }, context.now());
        })
        .catch((error: unknown) => {
          // A workstream bound one of its numbers between the check and the delete.
          if (brokenConstraint(error)?.constraint === 'workstreams_whatsapp_number_id_whatsapp_numbers_id_fk') {
            throw problems.conflict('A workstream uses a number of this account. Remove its WhatsApp setup first.', [fieldError('numbers', 'account.inUse')]);
          }
          throw error;
        });
      return reply.status(204).send();
    });

    app.get('/whatsapp-accounts/:id/numbers', async (request) => {
      const id = pathId(request.params, 'id', 'account');
      if (!(await findAccount(db, id))) throw problems.notFound('account');
      return { items: await numbersOf(db, [id]) };
    });

    app.post('/whatsapp-accounts/:id/numbers', async (request, reply) => {
      const accountId = pathId(request.params, 'id', 'account');
      if (!(await findAccount(db, accountId))) throw problems.notFound('account');
      const input = parseBody(numberCreateInputSchema, request.body);
      const created = await db
        .transaction(async (tx) => {
          const account = await findAccount(tx, accountId);
          if (!account) throw problems.notFound('account');
          const owner = await numberOwner(tx, input.number);
          if (owner) {
            throw problems.conflict('This number is already in use.', [fieldError('number', owner.accountId === accountId ? 'number.duplicate' : 'number.taken')]);
          }
          const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(whatsappNumbers).where(eq(whatsappNumbers.accountId, accountId));
          if (Number(n) >= MAX_NUMBERS_PER_ACCOUNT) {
            throw problems.conflict('This account already has as many WhatsApp numbers as it can have.', [fieldError('numbers', 'numbers.tooMany')]);
          }
          const [row] = await tx.insert(whatsappNumbers).values({ accountId, name: input.name, number: input.number, createdAt: context.now().toISOString() }).returning();
          await tx.update(whatsappAccounts).set({ updatedAt: context.now().toISOString() }).where(eq(whatsappAccounts.id, accountId));
          await recordAudit(tx, actorOf(request), { action: 'created', entityType: 'number', entityId: row!.id, entityName: row!.name }, context.now());
          return toNumber(row!, null);
        })
        .catch((error: unknown) => {
          throw constraintProblem(error, 'number');
        });
      return reply.status(201).send(created);
    });

    app.patch('/whatsapp-accounts/:id/numbers/:numberId', async (request) => {
      const accountId = pathId(request.params, 'id', 'number');
      const numberId = pathId(request.params, 'numberId', 'number');
      const findNumber = async (tx: Queryable) =>
        (await tx.select().from(whatsappNumbers).where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.accountId, accountId))))[0];
      if (!(await findNumber(db))) throw problems.notFound('number');
      const input = parseBody(numberUpdateInputSchema, request.body);
      return db
        .transaction(async (tx) => {
          const stored = await findNumber(tx);
          if (!stored) throw problems.notFound('number');
          if (stored.version !== input.version) throw problems.versionConflict('number');
          const owner = input.number === undefined ? undefined : await numberOwner(tx, input.number, numberId);
          if (owner) {
            throw problems.conflict('This number is already in use.', [fieldError('number', owner.accountId === accountId ? 'number.duplicate' : 'number.taken')]);
          }
          const [row] = await tx
            .update(whatsappNumbers)
            .set({ ...(input.name === undefined ? {} : { name: input.name }), ...(input.number === undefined ? {} : { number: input.number }), version: stored.version + 1 })
            .where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.version, input.version)))
            .returning();
          if (!row) throw problems.versionConflict('number');
          await tx.update(whatsappAccounts).set({ updatedAt: context.now().toISOString() }).where(eq(whatsappAccounts.id, accountId));
          const changed = changedFields({ name: stored.name, number: stored.number }, input);
          if (changed.length > 0) {
            await recordAudit(tx, actorOf(request), { action: 'updated', entityType: 'number', entityId: numberId, entityName: row.name, changedFields: changed }, context.now());
          }
          const [workstream] = await tx.select({ id: workstreams.id, name: workstreams.name }).from(workstreams).where(eq(workstreams.whatsappNumberId, numberId));
          return toNumber(row, workstream ?? null);
        })
        .catch((error: unknown) => {
          throw constraintProblem(error, 'number');
        });
    });

    app.delete('/whatsapp-accounts/:id/numbers/:numberId', async (request, reply) => {
      const accountId = pathId(request.params, 'id', 'number');
      const numberId = pathId(request.params, 'numberId', 'number');
      await db
        .transaction(async (tx) => {
          const numbers = await tx.select().from(whatsappNumbers).where(eq(whatsappNumbers.accountId, accountId));
          const target = numbers.find((n) => n.id === numberId);
          if (!target) throw problems.notFound('number');
          const [workstream] = await tx.select({ name: workstreams.name }).from(workstreams).where(eq(workstreams.whatsappNumberId, numberId));
          if (workstream) {
            throw problems.conflict(`The workstream “${workstream.name}” uses this number. Remove its WhatsApp setup first.`, [fieldError('number', 'number.inUse')]);
          }
          // An account without a number could never receive a message; creating one needs a number too.
          if (numbers.length === 1) {
            throw problems.conflict('An account needs at least one WhatsApp number. Add another before removing this one.', [fieldError('numbers', 'numbers.required')]);
          }
          await tx.delete(whatsappNumbers).where(eq(whatsappNumbers.id, numberId));
          await tx.update(whatsappAccounts).set({ updatedAt: context.now().toISOString() }).where(eq(whatsappAccounts.id, accountId));
          await recordAudit(tx, actorOf(request), { action: 'deleted', entityType: 'number', entityId: numberId, entityName: target.name }, context.now());
        })
        .catch((error: unknown) => {
          throw constraintProblem(error, 'number');
        });
      return reply.status(204).send();
    });
  };
}
