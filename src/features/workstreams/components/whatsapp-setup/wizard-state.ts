import type { FormStep } from './setup-steps';

/** A field error of a failed Finish, placed on its step's form. */
export interface StepFieldError {
  step: FormStep;
  /** The field's path in the step's form. */
  path: string;
  code: string;
}

/** Field errors of a failed Finish, and the steps that have not shown theirs yet. */
export interface ServerErrors {
  errors: StepFieldError[];
  steps: FormStep[];
}

/** What the wizard gives every step that collects input. */
export interface StepProps<V> {
  /** The step's values from the draft, used once as the form's starting values. */
  values: V;
  onValuesChange: (values: V) => void;
  /** Called with the step's values once they are valid. */
  onNext: (values: V) => void;
  onBack?: () => void;
  onCancel: () => void;
  serverErrors: ServerErrors | null;
  onServerErrorsShown: (step: FormStep) => void;
}
