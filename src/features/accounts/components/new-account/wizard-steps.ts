export const wizardSteps = ['details', 'account', 'numbers', 'callback'] as const;

export type WizardStep = (typeof wizardSteps)[number];

export function isWizardStep(value: unknown): value is WizardStep {
  return typeof value === 'string' && (wizardSteps as readonly string[]).includes(value);
}

export function stepIndex(step: WizardStep): number {
  return wizardSteps.indexOf(step);
}

export function previousStep(step: WizardStep): WizardStep | null {
  return wizardSteps[stepIndex(step) - 1] ?? null;
}

/** The steps that collect input, before the account exists. */
export type FormStep = Exclude<WizardStep, 'callback'>;

/** What the wizard knows when it decides which step may be shown. */
export interface StepProgress {
  isComplete: (step: FormStep) => boolean;
  /** The account created by the numbers step, if any. */
  createdAccountId: string | null;
}

/**
 * The step to show for a requested one: a step is reachable only when every step before
 * it is complete, and the callback step only once the account exists.
 */
export function resolveStep(requested: WizardStep | null, progress: StepProgress): WizardStep {
  if (requested === 'callback' && progress.createdAccountId) return 'callback';
  const target: FormStep = requested === 'callback' ? 'numbers' : (requested ?? 'details');
  const earlier = wizardSteps.slice(0, stepIndex(target)).filter((step): step is FormStep => step !== 'callback');
  return earlier.find((step) => !progress.isComplete(step)) ?? target;
}
