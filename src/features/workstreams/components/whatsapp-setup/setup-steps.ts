export const setupSteps = ['number', 'language', 'behaviors', 'features', 'summary'] as const;

export type SetupStep = (typeof setupSteps)[number];

/** The steps that collect input; the summary only shows it. */
export type FormStep = Exclude<SetupStep, 'summary'>;

export function isSetupStep(value: unknown): value is SetupStep {
  return typeof value === 'string' && (setupSteps as readonly string[]).includes(value);
}

export function previousStep(step: SetupStep): SetupStep | null {
  return setupSteps[setupSteps.indexOf(step) - 1] ?? null;
}

export function nextStep(step: SetupStep): SetupStep | null {
  return setupSteps[setupSteps.indexOf(step) + 1] ?? null;
}

/** The step to show for a requested one: a step is reachable only when every step before it is complete. */
export function resolveStep(requested: SetupStep | null, isComplete: (step: FormStep) => boolean): SetupStep {
  const target = requested ?? 'number';
  const earlier = setupSteps.slice(0, setupSteps.indexOf(target)).filter((step): step is FormStep => step !== 'summary');
  return earlier.find((step) => !isComplete(step)) ?? target;
}
