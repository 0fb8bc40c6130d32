import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fieldError } from '@/api/contract/problem-bodies';
import type { FieldError } from '@/api/contract/problem';
import { quickRepliesToStore, type SentQuickReply } from '@/domain/quick-replies';
import { droppedVariablesInUse } from '@/domain/routing-rules';
import type { Queryable } from '../db/database';
import { routingRules, type WorkstreamSettings } from '../db/schema';

type Advanced = WorkstreamSettings['advanced'];
type SentAdvanced = Omit<Advanced, 'quickReplies'> & { quickReplies: SentQuickReply[] };

/** The advanced settings as stored (quick reply ids: quickRepliesToStore). */
export function advancedToStore(sent: SentAdvanced, stored?: Advanced): Advanced {
  const quickReplies = quickRepliesToStore(sent.quickReplies, stored?.quickReplies ?? [], randomUUID);
  return { notificationTemplate: sent.notificationTemplate, contextVariables: sent.contextVariables, quickReplies };
}

/**
 * variableName.inUse on each stored context variable that the new list no longer has (names
 * compare without case) while a routing rule of the workstream still compares it. The error is
 * on the variable's place in the stored list: where the editor showed it before the change.
 */
export async function removedVariablesInUse(db: Queryable, workstreamId: string, stored: Advanced, sent: Pick<Advanced, 'contextVariables'>): Promise<FieldError[]> {
  const keptNames = new Set(sent.contextVariables.map((variable) => variable.name.toLowerCase()));
  if (stored.contextVariables.every((variable) => keptNames.has(variable.name.toLowerCase()))) return [];
  const rules = await db.select({ conditions: routingRules.conditions }).from(routingRules).where(eq(routingRules.workstreamId, workstreamId));
  return droppedVariablesInUse(stored.contextVariables, sent.contextVariables, rules.flatMap((rule) => rule.conditions)).map((index) =>
    fieldError(`advanced.contextVariables.${index}.name`, 'variableName.inUse'),
  );
}
