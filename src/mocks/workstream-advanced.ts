import { fieldError } from '@/api/contract/problem-bodies';
import type { FieldError } from '@/api/contract/problem';
import type { WorkstreamCreate } from '@/api/contract/workstream';
import { quickRepliesToStore } from '@/domain/quick-replies';
import { droppedVariablesInUse } from '@/domain/routing-rules';
import type { StoredWorkstream } from './db';
import { newId } from './ids';

type Advanced = StoredWorkstream['advanced'];
type SentAdvanced = WorkstreamCreate['advanced'];

/** The advanced settings as stored, as the server keeps them (quick reply ids: quickRepliesToStore). */
export function advancedToStore(sent: SentAdvanced, stored?: Advanced): Advanced {
  const quickReplies = quickRepliesToStore(sent.quickReplies, stored?.quickReplies ?? [], newId);
  return { notificationTemplate: sent.notificationTemplate, contextVariables: sent.contextVariables, quickReplies };
}

/** variableName.inUse where the editor showed each variable a routing rule still compares but the new list drops. */
export function removedVariablesInUse(workstream: StoredWorkstream, sent: Pick<Advanced, 'contextVariables'>): FieldError[] {
  const conditions = workstream.routing.rules.flatMap((rule) => rule.conditions);
  return droppedVariablesInUse(workstream.advanced.contextVariables, sent.contextVariables, conditions).map((index) =>
    fieldError(`advanced.contextVariables.${index}.name`, 'variableName.inUse'),
  );
}
