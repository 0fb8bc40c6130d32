import { MAX_CONDITIONS_PER_RULE, MAX_ROUTING_RULES, routeConversation, type RoutingCondition, type RoutingRule } from '@/domain/routing-rules';
import { latencyOf, timeSync, type Latency } from './data-scale-stats';

/** A Finnish customer writing about an order, as Twilio sends the number. */
const CONVERSATION = { customerPhone: 'whatsapp:+358 40 123 4567', firstMessage: 'Hei! Tilaus 48213 ei ole vielä saapunut, voitteko auttaa?' };

/** Conditions this conversation meets, of every kind the domain has. */
const HOLDING: RoutingCondition[] = [
  { field: 'customerPhone', operator: 'startsWith', value: '+358' },
  { field: 'firstMessage', operator: 'contains', value: 'tilaus' },
  { field: 'customerPhone', operator: 'startsWith', value: '+358 40' },
  { field: 'firstMessage', operator: 'contains', value: 'SAAPUNUT' },
  { field: 'customerPhone', operator: 'equals', value: '+358401234567' },
];

/** A condition this conversation fails, a different kind for each rule. */
function failing(rule: number): RoutingCondition {
  const kinds: RoutingCondition[] = [
    { field: 'customerPhone', operator: 'equals', value: `+35850${String(rule).padStart(7, '0')}` },
    { field: 'firstMessage', operator: 'equals', value: `Haluan peruuttaa tilauksen ${rule}` },
    { field: 'firstMessage', operator: 'contains', value: `palautus ${rule}` },
    { field: 'customerPhone', operator: 'startsWith', value: `+46 7${rule % 10}` },
  ];
  return kinds[rule % kinds.length]!;
}

/** Holding conditions first and a failing one last: each rule is read to its end before it fails. */
function rule(index: number, conditionCount: number, matches: boolean): RoutingRule {
  const conditions = Array.from({ length: conditionCount - 1 }, (_, i) => HOLDING[(index + i) % HOLDING.length]!);
  conditions.push(matches ? HOLDING[index % HOLDING.length]! : failing(index));
  return { id: `rule-${index}`, name: `Rule ${index}`, conditions, queueId: `queue-${index % 10}` };
}

/** `count` rules of 1–5 conditions (or all `conditionsEach`); the last one matches, or none does. */
export function ruleSet(count: number, lastMatches: boolean, conditionsEach?: number): RoutingRule[] {
  return Array.from({ length: count }, (_, index) =>
    rule(index, conditionsEach ?? 1 + (index % 5), lastMatches && index === count - 1),
  );
}

export const RULE_RUNS = 20_000;
const RULE_WARMUP = 2_000;

export function measureRuleSet(rules: readonly RoutingRule[], expectMatch: boolean): Latency {
  let matched = 0;
  const samples = timeSync(() => {
    if (routeConversation(rules, 'fallback', CONVERSATION).rule) matched++;
  }, RULE_WARMUP, RULE_RUNS);
  if ((matched > 0) !== expectMatch) throw new Error(`rule set of ${rules.length}: expected ${expectMatch ? 'a' : 'no'} match`);
  return latencyOf(samples);
}

export interface RuleScenario {
  name: string;
  rules: RoutingRule[];
  matches: boolean;
}

export const ruleScenarios: RuleScenario[] = [
  { name: `${MAX_ROUTING_RULES} rules, the last matches`, rules: ruleSet(MAX_ROUTING_RULES, true), matches: true },
  { name: `${MAX_ROUTING_RULES} rules, none matches`, rules: ruleSet(MAX_ROUTING_RULES, false), matches: false },
  {
    name: `${MAX_ROUTING_RULES} rules × ${MAX_CONDITIONS_PER_RULE} conditions (the limits), none matches`,
    rules: ruleSet(MAX_ROUTING_RULES, false, MAX_CONDITIONS_PER_RULE),
    matches: false,
  },
];

export const baselineRuleSet: RuleScenario = { name: '1 rule, matches', rules: ruleSet(1, true), matches: true };
