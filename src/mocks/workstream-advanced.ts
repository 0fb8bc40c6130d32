import { fieldError } from '@/api/contract/problem-bodies';
import type { FieldError } from '@/api/contract/problem';
import type { WorkstreamCreate } from '@/api/contract/workstream';
import type { StoredWorkstream } from './db';
import { newId } from './ids';

type Advanced = StoredWorkstream['advanced'];
type SentAdvanced = WorkstreamCreate['advanced'];

/**
 * The advanced settings as stored, as the server keeps them: an edited quick reply keeps its
 * id, any other (no id, an id the workstream does not have, or one used already in this list)
 * gets a new one.
 */
export function advancedToStore(sent: SentAdvanced, stored?: Advanced): Advanced {
  const available = new Set((stored?.quickReplies ?? []).map((reply) => reply.id));
  const quickReplies = sent.quickReplies.map((reply) => {
    const sentId = reply.id?.toLowerCase();
    const keep = sentId !== undefined && available.delete(sentId);
    return { id: keep ? sentId : newId(), title: reply.title, body: reply.body, translations: reply.translations };
  });
  return { notificationTemplate: sent.notificationTemplate, contextVariables: sent.contextVariables, quickReplies };
}

/**
 * variableName.inUse on each stored context variable the new list drops (names compare without
 * case) while a routing rule of the workstream still compares it; the error sits where the
 * editor showed the variable before the change.
 */
export function removedVariablesInUse(workstream: StoredWorkstream, sent: Pick<Advanced, 'contextVariables'>): FieldError[] {
  const kept = new Set(sent.contextVariables.map((variable) => variable.name.toLowerCase()));
  const used = new Set(
    workstream.routing.rules.flatMap((rule) =>
      rule.conditions.flatMap((condition) => (condition.field === 'contextVariable' && condition.variable ? [condition.variable.toLowerCase()] : [])),
    ),
  );
  return workstream.advanced.contextVariables.flatMap((variable, index) => {
    const key = variable.name.toLowerCase();
    return !kept.has(key) && used.has(key) ? [fieldError(`advanced.contextVariables.${index}.name`, 'variableName.inUse')] : [];
  });
}
