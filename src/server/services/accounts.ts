import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { fieldError, numberInUseDetail, problemDetails } from '@/api/contract/problem-bodies';
import type { z } from 'zod';
import { MAX_NUMBERS_PER_ACCOUNT, type WhatsAppAccount, type accountCreateInputSchema, type accountUpdateInputSchema } from '@/api/contract/whatsapp-account';
import type { WhatsAppNumber, numberCreateInputSchema, numberUpdateInputSchema } from '@/api/contract/whatsapp-number';
import { changedFields } from '@/domain/audit-changes';
import { numberClash } from '@/domain/number-ownership';
import { authTokenHint } from '@/domain/auth-token';
import type { ServerContext } from '../context';
import { seal } from '../crypto/secret-box';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { whatsappAccounts, whatsappNumbers, workstreams } from '../db/schema';
import { accountViews, numbersOf, openConversationsOf, toNumber } from './accounts-view';
import { recordAudit, type Actor } from './audit';
import { refuse } from './refused';

type Context = Pick<ServerContext, 'db' | 'now' | 'config' | 'keyring'>;
type AccountCreateInput = z.output<typeof accountCreateInputSchema>;
type AccountUpdateInput = z.output<typeof accountUpdateInputSchema>;
type NumberCreateInput = z.output<typeof numberCreateInputSchema>;
type NumberUpdateInput = z.output<typeof numberUpdateInputSchema>;

const nameKey = (name: string) => name.trim().toLocaleLowerCase();
const nameTaken = () => refuse.conflict(problemDetails.accountNameTaken, [fieldError('name', 'name.taken')]);

/** The problem for a unique or foreign key constraint a racing request broke after the checks passed. */
function constraintProblem(error: unknown, numberPath: string): Error {
  const broken = brokenConstraint(error);
  if (broken?.constraint === 'whatsapp_accounts_name_unique') return nameTaken();
  if (broken?.constraint === 'whatsapp_numbers_number_unique') {
    return refuse.conflict(problemDetails.numberTaken, [fieldError(numberPath, 'number.taken')]);
  }
  if (broken?.constraint === 'whatsapp_numbers_sandbox_per_account_unique') {
    return refuse.conflict(problemDetails.numberTaken, [fieldError(numberPath, 'number.duplicate')]);
  }
  if (broken?.constraint === 'workstreams_whatsapp_number_id_whatsapp_numbers_id_fk') {
    return refuse.conflict('A workstream uses this number. Remove its WhatsApp setup first.', [fieldError('number', 'number.inUse')]);
  }
  return error as Error;
}

async function findAccount(db: Queryable, id: string) {
  const [row] = await db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, id));
  return row;
}

/** The record that stops `accountId` from having `number` (the sandbox sender is shared: see number-ownership). */
async function numberOwner(db: Queryable, accountId: string, number: string, exceptNumberId?: string) {
  const held = await db
    .select({ id: whatsappNumbers.id, accountId: whatsappNumbers.accountId, number: whatsappNumbers.number })
    .from(whatsappNumbers)
    .where(exceptNumberId ? and(eq(whatsappNumbers.number, number), ne(whatsappNumbers.id, exceptNumberId)) : eq(whatsappNumbers.number, number));
  return numberClash(held, accountId, number);
}

const view = async (tx: Queryable, publicUrl: string, id: string) => (await accountViews(tx, publicUrl, id))[0]!;

/** Whether any account's auth token is stored (sealed with the key of its time). */
export async function holdsSealedTokens(db: Queryable): Promise<boolean> {
  if ((await db.select({ id: whatsappAccounts.id }).from(whatsappAccounts).limit(1)).length > 0) return true;
  // A bot's shared secret is sealed with the same key.
  return (await db.select({ id: workstreams.id }).from(workstreams).where(isNotNull(workstreams.botSecretSealed)).limit(1)).length > 0;
}

export async function listAccounts(db: Queryable, publicUrl: string): Promise<WhatsAppAccount[]> {
  return accountViews(db, publicUrl);
}

export async function getAccount(db: Queryable, publicUrl: string, id: string): Promise<WhatsAppAccount> {
  const [account] = await accountViews(db, publicUrl, id);
  if (!account) throw refuse.notFound('account');
  return account;
}

/** Refuses a missing account: a 404 comes before the body is read. */
export async function requireAccount(db: Queryable, id: string): Promise<void> {
  if (!(await findAccount(db, id))) throw refuse.notFound('account');
}

export async function createAccount({ db, now, config, keyring }: Context, actor: Actor, input: AccountCreateInput): Promise<WhatsAppAccount> {
  const [sameName] = await db.select({ id: whatsappAccounts.id }).from(whatsappAccounts).where(eq(whatsappAccounts.nameKey, nameKey(input.name)));
  if (sameName) throw nameTaken();
  const owners = await db
    .select({ accountId: whatsappNumbers.accountId, number: whatsappNumbers.number })
    .from(whatsappNumbers)
    .where(inArray(whatsappNumbers.number, input.numbers.map((n) => n.number)));
  const id = randomUUID();
  const taken = input.numbers.flatMap((n, i) => (numberClash(owners, id, n.number) ? [fieldError(`numbers.${i}.number`, 'number.taken')] : []));
  if (taken.length > 0) throw refuse.conflict(problemDetails.numbersOfRequestTaken, taken);

  const at = now().toISOString();
  return db
    .transaction(async (tx) => {
      await tx.insert(whatsappAccounts).values({
        id,
        name: input.name,
        nameKey: nameKey(input.name),
        accountSid: input.accountSid,
        authTokenSealed: seal(keyring, input.authToken, id),
        authTokenHint: authTokenHint(input.authToken),
        createdAt: at,
        updatedAt: at,
      });
      // One statement per number keeps the insertion order that lists show.
      for (const n of input.numbers) {
        await tx.insert(whatsappNumbers).values({ accountId: id, name: n.name, number: n.number, createdAt: at });
      }
      await recordAudit(tx, actor, { action: 'created', entityType: 'account', entityId: id, entityName: input.name }, now());
      return view(tx, config.publicUrl, id);
    })
    .catch((error: unknown) => {
      throw constraintProblem(error, 'numbers.0.number');
    });
}

export async function updateAccount({ db, now, config, keyring }: Context, actor: Actor, id: string, input: AccountUpdateInput): Promise<WhatsAppAccount> {
  return db
    .transaction(async (tx) => {
      const stored = await findAccount(tx, id);
      if (!stored) throw refuse.notFound('account');
      if (stored.version !== input.version) throw refuse.versionConflict('account');
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
          updatedAt: now().toISOString(),
          version: stored.version + 1,
        })
        .where(and(eq(whatsappAccounts.id, id), eq(whatsappAccounts.version, input.version)))
        .returning({ id: whatsappAccounts.id });
      if (updated.length === 0) throw refuse.versionConflict('account');
      const changed = changedFields({ name: stored.name, accountSid: stored.accountSid }, input);
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: 'updated', entityType: 'account', entityId: id, entityName: input.name ?? stored.name, changedFields: changed }, now());
      }
      return view(tx, config.publicUrl, id);
    })
    .catch((error: unknown) => {
      throw constraintProblem(error, 'number');
    });
}

export async function deleteAccount({ db, now }: Context, actor: Actor, id: string): Promise<void> {
  await db
    .transaction(async (tx) => {
      const stored = await findAccount(tx, id);
      if (!stored) throw refuse.notFound('account');
      const bound = await tx
        .select({ number: whatsappNumbers.name, workstream: workstreams.name })
        .from(whatsappNumbers)
        .innerJoin(workstreams, eq(workstreams.whatsappNumberId, whatsappNumbers.id))
        .where(eq(whatsappNumbers.accountId, id));
      if (bound.length > 0) {
        const inUse = bound.map((b) => `${b.number} (${b.workstream})`).join(', ');
        throw refuse.conflict(`Workstreams use numbers of this account: ${inUse}. Remove their WhatsApp setup first.`, [fieldError('numbers', 'account.inUse')]);
      }
      await tx.delete(whatsappAccounts).where(eq(whatsappAccounts.id, id));
      await recordAudit(tx, actor, { action: 'deleted', entityType: 'account', entityId: id, entityName: stored.name }, now());
    })
    .catch((error: unknown) => {
      // A workstream bound one of its numbers between the check and the delete.
      if (brokenConstraint(error)?.constraint === 'workstreams_whatsapp_number_id_whatsapp_numbers_id_fk') {
        throw refuse.conflict('A workstream uses a number of this account. Remove its WhatsApp setup first.', [fieldError('numbers', 'account.inUse')]);
      }
      throw error;
    });
}

export async function listNumbers(db: Queryable, accountId: string): Promise<WhatsAppNumber[]> {
  await requireAccount(db, accountId);
  return numbersOf(db, [accountId]);
}

export async function addNumber({ db, now }: Context, actor: Actor, accountId: string, input: NumberCreateInput): Promise<WhatsAppNumber> {
  return db
    .transaction(async (tx) => {
      const account = await findAccount(tx, accountId);
      if (!account) throw refuse.notFound('account');
      const owner = await numberOwner(tx, accountId, input.number);
      if (owner) {
        throw refuse.conflict(problemDetails.numberTaken, [fieldError('number', owner.accountId === accountId ? 'number.duplicate' : 'number.taken')]);
      }
      const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(whatsappNumbers).where(eq(whatsappNumbers.accountId, accountId));
      if (Number(n) >= MAX_NUMBERS_PER_ACCOUNT) {
        throw refuse.conflict(problemDetails.tooManyNumbers, [fieldError('numbers', 'numbers.tooMany')]);
      }
      const [row] = await tx.insert(whatsappNumbers).values({ accountId, name: input.name, number: input.number, createdAt: now().toISOString() }).returning();
      await tx.update(whatsappAccounts).set({ updatedAt: now().toISOString() }).where(eq(whatsappAccounts.id, accountId));
      await recordAudit(tx, actor, { action: 'created', entityType: 'number', entityId: row!.id, entityName: row!.name }, now());
      return toNumber(row!, null, await openConversationsOf(tx, row!));
    })
    .catch((error: unknown) => {
      throw constraintProblem(error, 'number');
    });
}

const findNumber = async (tx: Queryable, accountId: string, numberId: string) =>
  (await tx.select().from(whatsappNumbers).where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.accountId, accountId))))[0];

/** Refuses a number the account does not have: a 404 comes before the body is read. */
export async function requireNumber(db: Queryable, accountId: string, numberId: string): Promise<void> {
  if (!(await findNumber(db, accountId, numberId))) throw refuse.notFound('number');
}

export async function updateNumber({ db, now }: Context, actor: Actor, accountId: string, numberId: string, input: NumberUpdateInput): Promise<WhatsAppNumber> {
  return db
    .transaction(async (tx) => {
      const stored = await findNumber(tx, accountId, numberId);
      if (!stored) throw refuse.notFound('number');
      if (stored.version !== input.version) throw refuse.versionConflict('number');
      const owner = input.number === undefined ? undefined : await numberOwner(tx, accountId, input.number, numberId);
      if (owner) {
        throw refuse.conflict(problemDetails.numberTaken, [fieldError('number', owner.accountId === accountId ? 'number.duplicate' : 'number.taken')]);
      }
      const [row] = await tx
        .update(whatsappNumbers)
        .set({ ...(input.name === undefined ? {} : { name: input.name }), ...(input.number === undefined ? {} : { number: input.number }), version: stored.version + 1 })
        .where(and(eq(whatsappNumbers.id, numberId), eq(whatsappNumbers.version, input.version)))
        .returning();
      if (!row) throw refuse.versionConflict('number');
      await tx.update(whatsappAccounts).set({ updatedAt: now().toISOString() }).where(eq(whatsappAccounts.id, accountId));
      const [workstream] = await tx.select({ id: workstreams.id, name: workstreams.name }).from(workstreams).where(eq(workstreams.whatsappNumberId, numberId));
      const changed = changedFields({ name: stored.name, number: stored.number }, input);
      if (changed.length > 0) {
        const renumbered = row.number === stored.number ? undefined : { from: stored.number, to: row.number, workstream: workstream ?? null };
        await recordAudit(tx, actor, { action: 'updated', entityType: 'number', entityId: numberId, entityName: row.name, changedFields: changed, renumbered }, now());
      }
      return toNumber(row, workstream ?? null, await openConversationsOf(tx, row));
    })
    .catch((error: unknown) => {
      throw constraintProblem(error, 'number');
    });
}

export async function deleteNumber({ db, now }: Context, actor: Actor, accountId: string, numberId: string): Promise<void> {
  await db
    .transaction(async (tx) => {
      const numbers = await tx.select().from(whatsappNumbers).where(eq(whatsappNumbers.accountId, accountId));
      const target = numbers.find((n) => n.id === numberId);
      if (!target) throw refuse.notFound('number');
      const [workstream] = await tx.select({ name: workstreams.name }).from(workstreams).where(eq(workstreams.whatsappNumberId, numberId));
      if (workstream) {
        throw refuse.conflict(numberInUseDetail(workstream.name), [fieldError('number', 'number.inUse')]);
      }
      // An account without a number could never receive a message; creating one needs a number too.
      if (numbers.length === 1) {
        throw refuse.conflict(problemDetails.lastNumber, [fieldError('numbers', 'numbers.required')]);
      }
      await tx.delete(whatsappNumbers).where(eq(whatsappNumbers.id, numberId));
      await tx.update(whatsappAccounts).set({ updatedAt: now().toISOString() }).where(eq(whatsappAccounts.id, accountId));
      await recordAudit(tx, actor, { action: 'deleted', entityType: 'number', entityId: numberId, entityName: target.name }, now());
    })
    .catch((error: unknown) => {
      throw constraintProblem(error, 'number');
    });
}
