import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { templateFieldIssues, type MessageTemplate, type templateCreateInputSchema, type templateUpdateInputSchema } from '@/api/contract/message-template';
import { fieldError, problemDetails } from '@/api/contract/problem-bodies';
import { changedFields, templateAuditName } from '@/domain/audit-changes';
import { byNameThenLanguage } from '@/domain/list-order';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { messageTemplates, whatsappAccounts } from '../db/schema';
import { iso } from '../db/timestamps';
import { recordAudit, type Actor } from './audit';
import { refuse } from './refused';

type Context = Pick<ServerContext, 'db' | 'now'>;
type TemplateCreateInput = z.output<typeof templateCreateInputSchema>;
type TemplateUpdateInput = z.output<typeof templateUpdateInputSchema>;

type TemplateRow = typeof messageTemplates.$inferSelect;

function toTemplate(row: TemplateRow): MessageTemplate {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    language: row.language,
    category: row.category,
    body: row.body,
    examples: row.examples,
    contentSid: row.contentSid,
    status: row.status,
    rejectionReason: row.rejectionReason,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

const taken = () => refuse.conflict(problemDetails.templateTaken, [fieldError('name', 'template.taken')]);

/** A reason belongs to a rejection only; any other status clears it. */
const reasonFor = (status: MessageTemplate['status'], reason: string | null) => (status === 'rejected' ? reason : null);

async function accountExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.select({ id: whatsappAccounts.id }).from(whatsappAccounts).where(eq(whatsappAccounts.id, id))).length > 0;
}

async function findTemplate(db: Queryable, accountId: string, templateId: string) {
  const [row] = await db
    .select()
    .from(messageTemplates)
    .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.accountId, accountId)));
  return row;
}

async function keyTaken(db: Queryable, key: Pick<TemplateRow, 'accountId' | 'name' | 'language'>, exceptId?: string): Promise<boolean> {
  const sameKey = and(eq(messageTemplates.accountId, key.accountId), eq(messageTemplates.name, key.name), eq(messageTemplates.language, key.language));
  const rows = await db
    .select({ id: messageTemplates.id })
    .from(messageTemplates)
    .where(exceptId ? and(sameKey, ne(messageTemplates.id, exceptId)) : sameKey);
  return rows.length > 0;
}

/** The problem for a constraint a racing request broke after the checks passed. */
function constraintProblem(error: unknown): unknown {
  const broken = brokenConstraint(error);
  if (broken?.constraint === 'message_templates_name_language_unique') return taken();
  if (broken?.constraint === 'message_templates_account_id_whatsapp_accounts_id_fk') return refuse.notFound('account');
  return error;
}

const rethrow = (error: unknown): never => {
  throw constraintProblem(error);
};

/** Refuses a missing account: it must exist before anything else is looked at. */
export async function requireTemplateAccount(db: Queryable, accountId: string): Promise<void> {
  if (!(await accountExists(db, accountId))) throw refuse.notFound('account');
}

/** Refuses a template the account does not have: a 404 comes before the body is read. */
export async function requireTemplate(db: Queryable, accountId: string, templateId: string): Promise<void> {
  if (!(await findTemplate(db, accountId, templateId))) throw refuse.notFound('template');
}

export async function listTemplates(db: Queryable, accountId: string): Promise<MessageTemplate[]> {
  const rows = await db.select().from(messageTemplates).where(eq(messageTemplates.accountId, accountId));
  return rows.map(toTemplate).sort(byNameThenLanguage);
}

export async function createTemplate({ db, now }: Context, actor: Actor, accountId: string, input: TemplateCreateInput): Promise<MessageTemplate> {
  if (await keyTaken(db, { accountId, name: input.name, language: input.language })) throw taken();
  return db
    .transaction(async (tx) => {
      const at = now().toISOString();
      const [row] = await tx
        .insert(messageTemplates)
        .values({
          accountId,
          name: input.name,
          language: input.language,
          category: input.category,
          body: input.body,
          examples: input.examples,
          contentSid: input.contentSid,
          status: input.status,
          rejectionReason: reasonFor(input.status, input.rejectionReason),
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      const template = toTemplate(row!);
      await recordAudit(tx, actor, { action: 'created', entityType: 'template', entityId: template.id, entityName: templateAuditName(template) }, now());
      return template;
    })
    .catch(rethrow);
}

export async function updateTemplate({ db, now }: Context, actor: Actor, accountId: string, templateId: string, input: TemplateUpdateInput): Promise<MessageTemplate> {
  const { version, ...changes } = input;
  return db
    .transaction(async (tx) => {
      const row = await findTemplate(tx, accountId, templateId);
      if (!row) throw refuse.notFound('template');
      const existing = toTemplate(row);
      if (existing.version !== version) throw refuse.versionConflict('template');

      const merged: MessageTemplate = { ...existing };
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) Object.assign(merged, { [key]: value });
      }
      merged.rejectionReason = reasonFor(merged.status, merged.rejectionReason);
      const issues = templateFieldIssues(merged);
      if (issues.length > 0) throw refuse.validation(issues.map((issue) => fieldError(issue.path, issue.code)));
      if (await keyTaken(tx, merged, templateId)) throw taken();

      const [updated] = await tx
        .update(messageTemplates)
        .set({
          name: merged.name,
          language: merged.language,
          category: merged.category,
          body: merged.body,
          examples: merged.examples,
          contentSid: merged.contentSid,
          status: merged.status,
          rejectionReason: merged.rejectionReason,
          updatedAt: now().toISOString(),
          version: existing.version + 1,
        })
        .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.version, version)))
        .returning();
      if (!updated) throw refuse.versionConflict('template');
      const template = toTemplate(updated);
      // Compared as stored: a reason sent with a status other than rejected is dropped, not changed.
      const sent = Object.fromEntries(Object.keys(changes).map((key) => [key, merged[key as keyof MessageTemplate]]));
      const changed = changedFields(existing, sent);
      if (changed.length > 0) {
        await recordAudit(tx, actor, { action: 'updated', entityType: 'template', entityId: templateId, entityName: templateAuditName(template), changedFields: changed }, now());
      }
      return template;
    })
    .catch(rethrow);
}

export async function deleteTemplate({ db, now }: Context, actor: Actor, accountId: string, templateId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.accountId, accountId)))
      .returning();
    if (!row) throw refuse.notFound('template');
    await recordAudit(tx, actor, { action: 'deleted', entityType: 'template', entityId: templateId, entityName: templateAuditName(row) }, now());
  });
}
