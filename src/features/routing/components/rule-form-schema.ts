import type { z } from 'zod';
import { routingRulesInputSchema } from '@/api/contract/routing-rule';

/** One rule of the contract's PUT body, so the form checks exactly what the server will. */
export const ruleFormSchema = routingRulesInputSchema.shape.rules.element.omit({ id: true });

export type RuleFormValues = z.input<typeof ruleFormSchema>;
export type RuleFormOutput = z.output<typeof ruleFormSchema>;
