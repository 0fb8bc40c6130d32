import type { z } from 'zod';
import { routingRulesInputSchema } from '@/api/contract/routing-rule';

/** One rule of the contract's PUT body, so the form checks exactly what the server will. */
export const ruleFormSchema = routingRulesInputSchema.shape.rules.element.omit({ id: true });

export type RuleFormValues = z.input<typeof ruleFormSchema>;
export type RuleFormOutput = z.output<typeof ruleFormSchema>;

/**
 * The rule's schema with the one check the contract leaves to the server: a context
 * variable's condition names one of this workstream's variables (without regard to case).
 */
export function ruleFormSchemaFor(contextVariables: readonly string[]) {
  const known = new Set(contextVariables.map((name) => name.toLowerCase()));
  return ruleFormSchema.superRefine(
    (rule, ctx) => {
      rule.conditions.forEach((condition, index) => {
        // Read loosely: only a context variable's condition keeps its variable through the contract.
        const variable: unknown = (condition as { variable?: unknown }).variable;
        if (condition.field !== 'contextVariable' || typeof variable !== 'string' || variable === '' || known.has(variable.toLowerCase())) return;
        ctx.addIssue({ code: 'custom', message: 'condition.variableUnknown', path: ['conditions', index, 'variable'], input: variable });
      });
    },
    // Also when other fields failed, so that every error shows at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null && Array.isArray((payload.value as { conditions?: unknown }).conditions) },
  );
}
