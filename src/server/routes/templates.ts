import { and, eq, ne } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import {
  templateCreateInputSchema,
  templateFieldIssues,
  templateUpdateInputSchema,
  type MessageTemplate,
} from '@/api/contract/message-template';
import { fieldError } from '@/api/contract/problem-bodies';
import { changedFields, templateAuditName } from '@/domain/audit-changes';
import { byNameThenLanguage } from '@/domain/list-order';
import type { ServerContext } from '../context';
import { brokenConstraint } from '../db/constraints';
import type { Queryable } from '../db/database';
import { messageTemplates, whatsappAccounts } from '../db/schema';
import { iso } from '../db/timestamps';
import { parseBody, pathId } from '../http/input';
import { problems } from '../http/problem';
import { actorOf, recordAudit } from '../services/audit';

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

const taken = () => problems.conflict('This account already has a template with this name in this language.', [fieldError('name', 'template.taken')]);

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
  if (broken?.constraint === 'message_templates_account_id_whatsapp_accounts_id_fk') return problems.notFound('account');
  return error;
}

/** /api/whatsapp-accounts/:id/templates: the message templates of one account. */
export function templateRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  const rethrow = (error: unknown): never => {
    throw constraintProblem(error);
  };
  /** The account of the path, which must exist before anything else is looked at. */
  const accountOf = async (params: unknown) => {
    const accountId = pathId(params, 'id', 'account');
    if (!(await accountExists(db, accountId))) throw problems.notFound('account');
    return accountId;
  };

  return async (app) => {
    // Agents read them too: outside the 24-hour window a template is all they may send.
    app.get('/whatsapp-accounts/:id/templates', { config: { access: 'signedIn' } }, async (request) => {
      const accountId = await accountOf(request.params);
      const rows = await db.select().from(messageTemplates).where(eq(messageTemplates.accountId, accountId));
      return { items: rows.map(toTemplate).sort(byNameThenLanguage) };
    });

    app.post('/whatsapp-accounts/:id/templates', async (request, reply) => {
      const accountId = await accountOf(request.params);
      const input = parseBody(templateCreateInputSchema, request.body);
      if (await keyTaken(db, { accountId, name: input.name, language: input.language })) throw taken();
      const created = await db
        .transaction(async (tx) => {
          const now = context.now().toISOString();
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
              createdAt: now,
              updatedAt: now,
            })
            .returning();
          const template = toTemplate(row!);
          await recordAudit(tx, actorOf(request), { action: 'created', entityType: 'template', entityId: template.id, entityName: templateAuditName(template) }, context.now());
          return template;
        })
        .catch(rethrow);
      return reply.status(201).header('location', `/api/whatsapp-accounts/${accountId}/templates/${created.id}`).send(created);
    });

    app.patch('/whatsapp-accounts/:id/templates/:templateId', async (request) => {
      const accountId = await accountOf(request.params);
      const templateId = pathId(request.params, 'templateId', 'template');
      if (!(await findTemplate(db, accountId, templateId))) throw problems.notFound('template');
      const { version, ...changes } = parseBody(templateUpdateInputSchema, request.body);
      return db
        .transaction(async (tx) => {
          const row = await findTemplate(tx, accountId, templateId);
          if (!row) throw problems.notFound('template');
          const existing = toTemplate(row);
          if (existing.version !== version) throw problems.versionConflict('template');

          const merged: MessageTemplate = { ...existing };
          for (const [key, value] of Object.entries(changes)) {
            if (value !== undefined) Object.assign(merged, { [key]: value });
          }
          merged.rejectionReason = reasonFor(merged.status, merged.rejectionReason);
          const issues = templateFieldIssues(merged);
          if (issues.length > 0) throw problems.validation(issues.map((issue) => fieldError(issue.path, issue.code)));
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
              updatedAt: context.now().toISOString(),
              version: existing.version + 1,
            })
            .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.version, version)))
            .returning();
          if (!updated) throw problems.versionConflict('template');
          const template = toTemplate(updated);
          // Compared as stored: a reason sent with a status other than rejected is dropped, not changed.
          const sent = Object.fromEntries(Object.keys(changes).map((key) => [key, merged[key as keyof MessageTemplate]]));
          const changed = changedFields(existing, sent);
          if (changed.length > 0) {
            await recordAudit(tx, actorOf(request), { action: 'updated', entityType: 'template', entityId: templateId, entityName: templateAuditName(template), changedFields: changed }, context.now());
          }
          return template;
        })
        .catch(rethrow);
    });

    app.delete('/whatsapp-accounts/:id/templates/:templateId', async (request, reply) => {
      const accountId = await accountOf(request.params);
      const templateId = pathId(request.params, 'templateId', 'template');
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(messageTemplates)
          .where(and(eq(messageTemplates.id, templateId), eq(messageTemplates.accountId, accountId)))
          .returning();
        if (!row) throw problems.notFound('template');
        await recordAudit(tx, actorOf(request), { action: 'deleted', entityType: 'template', entityId: templateId, entityName: templateAuditName(row) }, context.now());
      });
      return reply.status(204).send();
    });
  };
}
