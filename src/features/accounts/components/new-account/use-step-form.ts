import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { stepOfField } from './step-schemas';
import type { ServerErrors } from './wizard-state';
import type { FormStep } from './wizard-steps';

/** Reports every change of a step's values, so the draft survives Back, step jumps and reloads. */
export function useReportValues<T extends FieldValues>(form: UseFormReturn<T>, onChange: (values: T) => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  const { subscribe, getValues } = form;
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => latest.current(getValues()) }),
    [subscribe, getValues],
  );
}

/**
 * Puts the create request's field errors that belong to this step on its fields, once:
 * when the step is on screen as the error arrives, or when the user is sent back to it.
 */
export function useServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  step: FormStep,
  serverErrors: ServerErrors | null,
  onShown: (step: FormStep) => void,
) {
  const { setError } = form;
  useEffect(() => {
    if (!serverErrors?.steps.includes(step)) return;
    applyServerErrors(serverErrors.error, setError, (path) => stepOfField(path) === step);
    onShown(step);
  }, [serverErrors, step, setError, onShown]);
}
