import { eq } from 'drizzle-orm';
import type { TemplateSyncResult } from '@/api/contract/account-tools';
import { changedFields, templateAuditName } from '@/domain/audit-changes';
import { approvalStatusOf, categoryOf, skipReasonText, syncedLanguage, syncedName, syncIssue } from '@/domain/template-sync';
import { variableCount } from '@/domain/template-variables';
import type { Queryable } from '../db/database';
import { messageTemplates } from '../db/schema';
import type { TwilioContent } from '../twilio/gateway';
import { recordAudit, type Actor } from './audit';

type TemplateRow = typeof messageTemplates.$inferSelect;

const MAX_EXAMPLE = 200;
const MAX_REASON = 500;
const NO_REASON = 'WhatsApp rejected it without giving a reason.';

/** One example per variable: the local ones where there are, else Twilio's sample values. */
function examplesFor(body: string, local: readonly string[], content: TwilioContent): string[] {
  return Array.from({ length: variableCount(body) }, (_, index) => {
    const kept = local[index]?.trim();
    if (kept) return kept;
    const sample = content.variables[String(index + 1)]?.trim();
    return (sample || `Example ${index + 1}`).slice(0, MAX_EXAMPLE);
  });
}

/** What Twilio says a template is; the local name, language and notes stay as they are. */
function fromTwilio(content: TwilioContent, local: Pick<TemplateRow, 'examples' | 'category'> | null) {
  const body = content.body!;
  const status = approvalStatusOf(content.approvalStatus);
  return {
    body,
    status,
    rejectionReason: status === 'rejected' ? (content.rejectionReason ?? NO_REASON).slice(0, MAX_REASON) : null,
    category: categoryOf(content.category) ?? local?.category ?? 'utility',
    contentSid: content.sid,
    examples: examplesFor(body, local?.examples ?? [], content),
  };
}

/**
 * Brings an account's templates in line with its Twilio Content API templates: a content
 * matched by its SID (else by name and language) updates the template's text, status,
 * rejection reason and category; a new one is added. Examples written here are kept.
 */
export async function syncTemplates(tx: Queryable, accountId: string, contents: TwilioContent[], actor: Actor, now: Date): Promise<TemplateSyncResult> {
  const result: TemplateSyncResult = { added: 0, updated: 0, unchanged: 0, skipped: [], syncedAt: now.toISOString() };
  const local: TemplateRow[] = await tx.select().from(messageTemplates).where(eq(messageTemplates.accountId, accountId));
  const at = now.toISOString();

  for (const content of contents) {
    const issue = syncIssue(content);
    if (issue) {
      result.skipped.push({ name: content.friendlyName, reason: skipReasonText[issue] });
      continue;
    }
    const name = syncedName(content.friendlyName);
    const language = syncedLanguage(content.language)!;
    const match = local.find((t) => t.contentSid === content.sid) ?? local.find((t) => t.name === name && t.language === language);
    if (match && match.contentSid !== null && match.contentSid !== content.sid) {
      result.skipped.push({ name: content.friendlyName, reason: skipReasonText.linkedElsewhere });
      continue;
    }

    if (!match) {
      const values = fromTwilio(content, null);
      const [row] = await tx
        .insert(messageTemplates)
        .values({ accountId, name, language, ...values, createdAt: at, updatedAt: at })
        .returning();
      local.push(row!);
      await recordAudit(tx, actor, { action: 'created', entityType: 'template', entityId: row!.id, entityName: templateAuditName(row!) }, now);
      result.added++;
      continue;
    }

    const values = fromTwilio(content, match);
    const changed = changedFields(match, values);
    if (changed.length === 0) {
      result.unchanged++;
      continue;
    }
    const [row] = await tx
      .update(messageTemplates)
      .set({ ...values, updatedAt: at, version: match.version + 1 })
      .where(eq(messageTemplates.id, match.id))
      .returning();
    local.splice(local.indexOf(match), 1, row!);
    await recordAudit(tx, actor, { action: 'updated', entityType: 'template', entityId: match.id, entityName: templateAuditName(row!), changedFields: changed }, now);
    result.updated++;
  }
  return result;
}
