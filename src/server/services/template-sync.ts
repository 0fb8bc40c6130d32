import { eq } from 'drizzle-orm';
import type { TemplateSyncResult } from '@/api/contract/account-tools';
import { templateAuditName } from '@/domain/audit-changes';
import { isTemplateAddition, planTemplateSync, type TemplateAddition, type TwilioContent } from '@/domain/template-sync';
import type { Queryable } from '../db/database';
import { messageTemplates } from '../db/schema';
import { recordAudit, type Actor } from './audit';

type TemplateRow = typeof messageTemplates.$inferSelect;

/**
 * Brings an account's templates in line with its Twilio Content API templates (the plan of
 * src/domain/template-sync.ts), writing each addition and update with its audit record.
 */
export async function syncTemplates(tx: Queryable, accountId: string, contents: TwilioContent[], actor: Actor, now: Date): Promise<TemplateSyncResult> {
  const local: TemplateRow[] = await tx.select().from(messageTemplates).where(eq(messageTemplates.accountId, accountId));
  const { steps, added, updated, unchanged, skipped } = planTemplateSync(local, contents);
  const at = now.toISOString();
  // The row each planned template is at now: a step may update what an earlier one wrote.
  const rows = new Map<TemplateRow | TemplateAddition, TemplateRow>();
  const rowOf = (target: TemplateRow | TemplateAddition) => rows.get(target) ?? (target as TemplateRow);

  for (const step of steps) {
    if (isTemplateAddition(step)) {
      const [row] = await tx
        .insert(messageTemplates)
        .values({ accountId, name: step.name, language: step.language, ...step.values, createdAt: at, updatedAt: at })
        .returning();
      rows.set(step, row!);
      await recordAudit(tx, actor, { action: 'created', entityType: 'template', entityId: row!.id, entityName: templateAuditName(row!) }, now);
      continue;
    }
    const current = rowOf(step.template);
    const [row] = await tx
      .update(messageTemplates)
      .set({ ...step.values, updatedAt: at, version: current.version + 1 })
      .where(eq(messageTemplates.id, current.id))
      .returning();
    rows.set(step.template, row!);
    await recordAudit(tx, actor, { action: 'updated', entityType: 'template', entityId: current.id, entityName: templateAuditName(row!), changedFields: step.changedFields }, now);
  }
  return { added, updated, unchanged, skipped, syncedAt: at };
}
