import { cleanPasted } from './pasted-text';

/**
 * What a routing condition can look at: the customer's number, their first message, and a
 * context variable of the workstream (set by its bot at hand-off).
 */
export type ConditionField = 'customerPhone' | 'firstMessage' | 'contextVariable';
export type ConditionOperator = 'startsWith' | 'equals' | 'contains';

/** The operators each field offers: a phone number by prefix or whole, a message by words or whole. */
export const operatorsByField: Record<ConditionField, readonly ConditionOperator[]> = {
  customerPhone: ['startsWith', 'equals'],
  firstMessage: ['contains', 'equals'],
  contextVariable: ['equals', 'contains'],
};

export interface RoutingCondition {
  field: ConditionField;
  operator: ConditionOperator;
  value: string;
  /** The context variable's name, for field "contextVariable". */
  variable?: string;
}

export interface RoutingRule {
  id: string;
  name: string;
  /** All must hold (AND). */
  conditions: readonly RoutingCondition[];
  queueId: string;
}

export interface IncomingConversation {
  /** The customer's number, E.164 or as WhatsApp sends it ("whatsapp:+358…"). */
  customerPhone: string;
  firstMessage: string;
  /** Set by the bot at hand-off; a new conversation has none yet. */
  contextVariables?: Readonly<Record<string, string>>;
}

export const MAX_ROUTING_RULES = 100;
export const MAX_CONDITIONS_PER_RULE = 10;

/** The rule a conversation matched and where it sits in the list (0-based). */
export interface RuleMatch<R> {
  rule: R;
  index: number;
}

type Evaluable = Pick<RoutingRule, 'conditions'>;

/**
 * A phone number as Twilio or a person writes it ("whatsapp:+358 40-123 (4567)"), reduced to
 * "+" and digits so that prefixes compare digit by digit.
 */
export function normalizeRoutingPhone(raw: string): string {
  return cleanPasted(raw)
    .replace(/^whatsapp:\s*/i, '')
    .replace(/[\s\-.()]/g, '');
}

/**
 * Text compared without regard to case or Unicode spelling: composed (NFC), so "a" plus a
 * combining diaeresis is "ä"; folded the same way in every locale (upper then lower covers
 * "ß"/"SS"; the final sigma is one sigma). Trimmed, as both sides are typed by people.
 */
export function foldRoutingText(raw: string): string {
  return raw.normalize('NFC').trim().toUpperCase().toLowerCase().replace(/ς/g, 'σ').normalize('NFC');
}

interface PreparedConversation {
  customerPhone: string;
  firstMessage: string;
  /** By the variable's name in lower case: names are unique without regard to case. */
  contextVariables: Map<string, string>;
}

function prepare(conversation: IncomingConversation): PreparedConversation {
  return {
    customerPhone: normalizeRoutingPhone(conversation.customerPhone),
    firstMessage: foldRoutingText(conversation.firstMessage),
    contextVariables: new Map(Object.entries(conversation.contextVariables ?? {}).map(([name, value]) => [name.toLowerCase(), foldRoutingText(value)])),
  };
}

function subjectOf(condition: RoutingCondition, conversation: PreparedConversation): string | undefined {
  if (condition.field !== 'contextVariable') return conversation[condition.field];
  return condition.variable === undefined ? undefined : conversation.contextVariables.get(condition.variable.toLowerCase());
}

function conditionHolds(condition: RoutingCondition, conversation: PreparedConversation): boolean {
  // The contract never stores these; the tester evaluates unsaved edits, where a half-written
  // condition must not send every conversation somewhere.
  if (!operatorsByField[condition.field].includes(condition.operator)) return false;
  const value = condition.field === 'customerPhone' ? normalizeRoutingPhone(condition.value) : foldRoutingText(condition.value);
  if (value === '') return false;
  const subject = subjectOf(condition, conversation);
  // A variable that is not set matches nothing, not even "contains" an empty text.
  if (subject === undefined) return false;
  switch (condition.operator) {
    case 'startsWith':
      return subject.startsWith(value);
    case 'equals':
      return subject === value;
    case 'contains':
      return subject.includes(value);
  }
}

function ruleHolds(rule: Evaluable, conversation: PreparedConversation): boolean {
  return rule.conditions.length > 0 && rule.conditions.every((condition) => conditionHolds(condition, conversation));
}

/** The first rule whose conditions all hold (AND within a rule, first match wins), or null. */
export function evaluateRoutingRules<R extends Evaluable>(
  rules: readonly R[],
  conversation: IncomingConversation,
): RuleMatch<R> | null {
  const prepared = prepare(conversation);
  const index = rules.findIndex((rule) => ruleHolds(rule, prepared));
  return index === -1 ? null : { rule: rules[index]!, index };
}

/** Where a new conversation goes: the first matching rule's queue, else the workstream's fallback queue. */
export function routeConversation<R extends Evaluable & Pick<RoutingRule, 'queueId'>>(
  rules: readonly R[],
  fallbackQueueId: string,
  conversation: IncomingConversation,
): { queueId: string; rule: R | null } {
  const match = evaluateRoutingRules(rules, conversation);
  return match ? { queueId: match.rule.queueId, rule: match.rule } : { queueId: fallbackQueueId, rule: null };
}

/**
 * Where in `stored` the context variables are that `kept` no longer has (names compare without
 * case) while one of `conditions` still compares them: removing those would leave a rule that never matches.
 */
export function droppedVariablesInUse(stored: readonly { name: string }[], kept: readonly { name: string }[], conditions: readonly RoutingCondition[]): number[] {
  const keptNames = new Set(kept.map((variable) => variable.name.toLowerCase()));
  const used = new Set(conditions.flatMap((condition) => (condition.field === 'contextVariable' && condition.variable ? [condition.variable.toLowerCase()] : [])));
  return stored.flatMap((variable, index) => {
    const name = variable.name.toLowerCase();
    return !keptNames.has(name) && used.has(name) ? [index] : [];
  });
}
