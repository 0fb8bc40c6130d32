import type { ApiError } from '@/api/problem';
import type { FormStep } from './wizard-steps';

/** Field errors of a failed create, and the steps that have not shown theirs yet. */
export interface ServerErrors {
  error: ApiError;
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
