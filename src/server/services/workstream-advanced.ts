import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fieldError } from '@/api/contract/problem-bodies';
import type { FieldError } from '@/api/contract/problem';
import type { QuickReply } from '@/domain/quick-replies';
import type { Queryable } from '../db/database';
import { routingRules, type WorkstreamSettings } from '../db/schema';

type Advanced = WorkstreamSettings['advanced'];
type SentQuickReply = Omit<QuickReply, 'id'> & { id?: string | undefined };
type SentAdvanced = Omit<Advanced, 'quickReplies'> & { quickReplies: SentQuickReply[] };

/**
 * The advanced settings as stored: an edited quick reply keeps its id, and any other (no id,
 * or an id the workstream does not have, or one already used in this list) gets a new one.
 */
export function advancedToStore(sent: SentAdvanced, stored?: Advanced): Advanced {
  const available = new Set((stored?.quickReplies ?? []).map((reply) => reply.id));
  const quickReplies = sent.quickReplies.map((reply) => {
    const sentId = reply.id?.toLowerCase();
    const keep = sentId !== undefined && available.delete(sentId);
    return { id: keep ? sentId : randomUUID(), title: reply.title, body: reply.body, translations: reply.translations };
  });
  return { notificationTemplate: sent.notificationTemplate, contextVariables: sent.contextVariables, quickReplies };
}

/**
 * variableName.inUse on each stored context variable that the new list no longer has (names
 * compare without case) while a routing rule of the workstream still compares it. The error is
 * on the variable's place in the stored list: where the editor showed it before the change.
 */
export async function removedVariablesInUse(db: Queryable, workstreamId: string, stored: Advanced, sent: Pick<Advanced, 'contextVariables'>): Promise<FieldError[]> {
  const kept = new Set(sent.contextVariables.map((variable) => variable.name.toLowerCase()));
  const removed = stored.contextVariables.flatMap((variable, index) => (kept.has(variable.name.toLowerCase()) ? [] : [{ key: variable.name.toLowerCase(), index }]));
  if (removed.length === 0) return [];
  const rules = await db.select({ conditions: routingRules.conditions }).from(routingRules).where(eq(routingRules.workstreamId, workstreamId));
  const used = new Set(
    rules.flatMap((rule) => rule.conditions.flatMap((condition) => (condition.field === 'contextVariable' && condition.variable ? [condition.variable.toLowerCase()] : []))),
  );
  return removed.filter(({ key }) => used.has(key)).map(({ index }) => fieldError(`advanced.contextVariables.${index}.name`, 'variableName.inUse'));
}
