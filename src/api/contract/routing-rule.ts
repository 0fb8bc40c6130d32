import { z } from 'zod';
import { parseE164 } from '@/domain/e164';
import { withParams } from '@/domain/validation-params';
import { MAX_CONDITIONS_PER_RULE, MAX_ROUTING_RULES, operatorsByField } from '@/domain/routing-rules';
import { despiteOtherIssuesInObject, looseProperty } from './despite-other-issues';
import { skillSchema, skillsField } from './user';
import { hasNoControlCharacter, idField, requiredText, strictInputErrors, timestampField, versionField } from './fields';

export const MAX_REQUIRED_SKILLS = 10;

const conditionFields = ['customerPhone', 'firstMessage', 'contextVariable'] as const;
const conditionOperators = ['startsWith', 'equals', 'contains'] as const;
const isConditionField = (value: unknown): value is (typeof conditionFields)[number] => (conditionFields as readonly unknown[]).includes(value);
const isConditionOperator = (value: unknown): value is (typeof conditionOperators)[number] => (conditionOperators as readonly unknown[]).includes(value);

/** A phone prefix as people write it ("+358 40", "whatsapp:+44"), kept as + and digits. */
const PHONE_PREFIX = /^\+\d{1,15}$/;

const conditionSchema = z
  .strictObject(
    {
      field: z.enum(conditionFields, { error: 'field.invalid' }),
      /** The context variable's name, for field "contextVariable"; it must be one of the workstream's. */
      variable: z.string({ error: 'condition.variableRequired' }).trim().max(50, { error: 'condition.variableUnknown' }).optional(),
      operator: z.enum(conditionOperators, { error: 'field.invalid' }),
      value: z
        .string({ error: 'condition.valueRequired' })
        .trim()
        .min(1, { error: 'condition.valueRequired' })
        .max(200, { error: 'condition.valueTooLong' })
        .refine(hasNoControlCharacter, { error: 'text.controlCharacter' }),
    },
    strictInputErrors,
  )
  // The rules between the fields are checked with the fields' own rules, so all show at once.
  .superRefine((condition: unknown, ctx) => {
    const field = looseProperty(condition, 'field');
    const operator = looseProperty(condition, 'operator');
    if (!isConditionField(field)) return;
    if (typeof operator === 'string' && isConditionOperator(operator) && !operatorsByField[field].includes(operator)) {
      ctx.addIssue({ code: 'custom', message: 'condition.operatorMismatch', path: ['operator'], input: operator });
    }
    const variable = looseProperty(condition, 'variable');
    if (field === 'contextVariable' && (variable === undefined || (typeof variable === 'string' && variable.trim() === ''))) {
      ctx.addIssue({ code: 'custom', message: 'condition.variableRequired', path: ['variable'], input: variable });
    }
  }, despiteOtherIssuesInObject)
  .transform((condition, ctx) => {
    if (condition.field === 'contextVariable') return condition;
    // Only a context variable's condition names a variable.
    const { variable: _ignored, ...plain } = condition;
    if (plain.field !== 'customerPhone') return plain;
    if (plain.operator === 'equals') {
      const parsed = parseE164(plain.value);
      if (parsed.ok) return { ...plain, value: parsed.value };
      ctx.issues.push({ code: 'custom', message: withParams(parsed.error, parsed.params), path: ['value'], input: plain.value });
      return z.NEVER;
    }
    const prefix = plain.value.replace(/^whatsapp:/i, '').replace(/[\s\p{Cf}\-.()]/gu, '');
    if (PHONE_PREFIX.test(prefix)) return { ...plain, value: prefix };
    ctx.issues.push({ code: 'custom', message: 'condition.phoneInvalid', path: ['value'], input: plain.value });
    return z.NEVER;
  });

const ruleInputSchema = z.strictObject(
  {
    /** Kept when a rule is edited; a rule without one is new and gets an id. */
    id: idField.optional(),
    name: requiredText(100, { required: 'ruleName.required', tooLong: 'ruleName.tooLong' }),
    conditions: z
      .array(conditionSchema, { error: 'conditions.required' })
      .min(1, { error: 'conditions.required' })
      .max(MAX_CONDITIONS_PER_RULE, { error: 'conditions.tooMany' }),
    queueId: z.string({ error: 'queue.required' }).min(1, { error: 'queue.required' }),
    /** Skills an agent needs for conversations this rule routes (see the workstream's skill matching). */
    requiredSkills: skillsField.max(MAX_REQUIRED_SKILLS, { error: 'skills.tooMany' }).default([]),
  },
  strictInputErrors,
);

/** PUT /api/workstreams/:id/routing-rules: the whole ordered list at once; first match wins. */
export const routingRulesInputSchema = z.strictObject(
  {
    version: versionField,
    rules: z.array(ruleInputSchema, { error: 'field.invalid' }).max(MAX_ROUTING_RULES, { error: 'rules.tooMany' }),
  },
  strictInputErrors,
);

export const routingRuleSchema = z.object({
  id: idField,
  name: z.string(),
  conditions: z.array(z.object({ field: z.enum(conditionFields), variable: z.string().optional(), operator: z.enum(conditionOperators), value: z.string() })),
  queueId: idField,
  queueName: z.string(),
  requiredSkills: z.array(skillSchema),
});

export const routingRuleSetSchema = z.object({
  workstreamId: idField,
  rules: z.array(routingRuleSchema),
  /** The rule set's own version, apart from the workstream's. */
  version: versionField,
  updatedAt: timestampField,
});

export type RoutingRuleSet = z.infer<typeof routingRuleSetSchema>;
export type RoutingRuleView = z.infer<typeof routingRuleSchema>;
export type RoutingRulesInput = z.input<typeof routingRulesInputSchema>;
export type RoutingRulesUpdate = z.output<typeof routingRulesInputSchema>;
