import type { z } from 'zod';

/**
 * One step of a wizard as the engine sees it. A step with a schema collects input and
 * validates exactly its slice of the request; a step without one only shows something.
 */
export interface WizardStepDefinition<Id extends string, V> {
  id: Id;
  /** The step's slice of the contract, usually `.pick()`ed from the request schema. */
  schema?: z.ZodType;
  /** The top-level fields the step owns: what its schema validates, and where a server error on one leads. */
  fields?: readonly string[];
  /** When "complete" means more than "its schema accepts the values". */
  isComplete?: (values: V) => boolean;
  /** False for a step the URL cannot open by itself, such as the result of the final submit. */
  reachable?: boolean;
}

export function stepIds<Id extends string, V>(steps: readonly WizardStepDefinition<Id, V>[]): Id[] {
  return steps.map((step) => step.id);
}

export function isStepId<Id extends string, V>(steps: readonly WizardStepDefinition<Id, V>[], value: unknown): value is Id {
  return typeof value === 'string' && steps.some((step) => step.id === value);
}

export function previousStepId<Id extends string, V>(steps: readonly WizardStepDefinition<Id, V>[], id: Id): Id | null {
  return steps[steps.findIndex((step) => step.id === id) - 1]?.id ?? null;
}

export function nextStepId<Id extends string, V>(steps: readonly WizardStepDefinition<Id, V>[], id: Id): Id | null {
  const index = steps.findIndex((step) => step.id === id);
  return index === -1 ? null : (steps[index + 1]?.id ?? null);
}

/** The values a step's schema sees: only the fields it owns, since contract schemas are strict. */
export function stepSlice<Id extends string, V>(step: WizardStepDefinition<Id, V>, values: V): Record<string, unknown> {
  const all = values as Record<string, unknown>;
  return Object.fromEntries((step.fields ?? []).filter((field) => field in all).map((field) => [field, all[field]]));
}

export function isStepComplete<Id extends string, V>(step: WizardStepDefinition<Id, V>, values: V): boolean {
  if (step.isComplete) return step.isComplete(values);
  return step.schema ? step.schema.safeParse(stepSlice(step, values)).success : true;
}

/**
 * The step to show for a requested one: a step is reachable only when every step before it
 * is complete. An unknown or missing step starts at the beginning; a step the URL cannot
 * open by itself falls back to the one before it.
 */
export function resolveStep<Id extends string, V>(
  steps: readonly WizardStepDefinition<Id, V>[],
  requested: Id | null,
  isComplete: (id: Id) => boolean,
): Id {
  let index = Math.max(0, steps.findIndex((step) => step.id === requested));
  while (index > 0 && steps[index]?.reachable === false) index -= 1;
  const firstIncomplete = steps.slice(0, index).find((step) => !isComplete(step.id));
  return firstIncomplete?.id ?? steps[index]!.id;
}
