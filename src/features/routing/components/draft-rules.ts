import type { FieldError } from '@/api/contract/problem';
import type { RoutingRuleSet, RoutingRulesInput } from '@/api/contract/routing-rule';
import type { Skill } from '@/api/contract/user';
import { ApiError } from '@/api/problem';
import type { RoutingCondition } from '@/domain/routing-rules';
import { withParams } from '@/domain/validation-params';

/** A rule as edited on the page: saved rules keep their id; `key` tells React (and focus) which is which. */
export interface DraftRule {
  key: string;
  id?: string;
  name: string;
  conditions: RoutingCondition[];
  queueId: string;
  /** Skills an agent needs for conversations this rule routes, each at a minimum level. */
  requiredSkills: Skill[];
}

export type RuleContent = Pick<DraftRule, 'name' | 'conditions' | 'queueId' | 'requiredSkills'>;

let newKeys = 0;
export const newRuleKey = () => `new-${++newKeys}`;

export function toDrafts(set: RoutingRuleSet): DraftRule[] {
  return set.rules.map(({ id, name, conditions, queueId, requiredSkills }) => ({ key: id, id, name, conditions, queueId, requiredSkills }));
}

export function toInput(version: number, drafts: readonly DraftRule[]): RoutingRulesInput {
  return {
    version,
    rules: drafts.map(({ id, name, conditions, queueId, requiredSkills }) => ({ ...(id ? { id } : {}), name, conditions, queueId, requiredSkills })),
  };
}

const contentOf = ({ id, name, conditions, queueId, requiredSkills }: DraftRule) => JSON.stringify({ id, name, conditions, queueId, requiredSkills });

export function sameRules(a: readonly DraftRule[], b: readonly DraftRule[]): boolean {
  return a.length === b.length && a.every((rule, i) => contentOf(rule) === contentOf(b[i]!));
}

/** How a rule differs from what is saved: a new rule, an edited one, or neither (moving does not count). */
export function ruleState(rule: DraftRule, saved: readonly DraftRule[]): 'new' | 'changed' | 'saved' {
  const before = rule.id ? saved.find((s) => s.id === rule.id) : undefined;
  if (!before) return 'new';
  return contentOf(before) === contentOf(rule) ? 'saved' : 'changed';
}

export function moveRule(drafts: readonly DraftRule[], index: number, offset: -1 | 1): DraftRule[] {
  const target = index + offset;
  if (target < 0 || target >= drafts.length) return [...drafts];
  const next = [...drafts];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** A field error of one rule, its path relative to the rule ("name", "conditions.0.value"). */
export type RuleFieldError = Pick<FieldError, 'path' | 'code'>;

export interface PlacedErrors {
  byRule: Record<string, RuleFieldError[]>;
  /** Errors no rule owns ("rules rules.tooMany"), shown above the list. */
  general: FieldError[];
}

/** Sorts a failed save's field errors onto the rules they name, by their place in the list that was sent. */
export function placeRuleErrors(error: unknown, sent: readonly DraftRule[]): PlacedErrors {
  const placed: PlacedErrors = { byRule: {}, general: [] };
  if (!(error instanceof ApiError)) return placed;
  for (const fieldError of error.fieldErrors) {
    const match = /^rules\.(\d+)\.(.+)$/.exec(fieldError.path);
    const rule = match ? sent[Number(match[1])] : undefined;
    if (!match || !rule) {
      placed.general.push(fieldError);
      continue;
    }
    // The code carries its parameters (a refused character), as every form error does.
    (placed.byRule[rule.key] ??= []).push({ path: match[2]!, code: withParams(fieldError.code, fieldError.params) });
  }
  return placed;
}
