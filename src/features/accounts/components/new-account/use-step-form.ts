import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors } from '@/components/form/apply-server-errors';
import { stepOfField } from './step-schemas';
import type { ServerErrors, StepProps } from './wizard-state';
import type { FormStep } from './wizard-steps';

/**
 * A step's form: validated with the step's slice of the contract (the values stay as typed;
 * the server normalises), its changes reported to the draft, and the create request's
 * field errors for this step put on its fields.
 */
export function useStepForm<V extends FieldValues>(
  schema: z.ZodType<unknown, V>,
  step: FormStep,
  { values, onValuesChange, serverErrors, onServerErrorsShown }: StepProps<V>,
) {
  const form = useForm<V>({
    resolver: zodResolver(schema, undefined, { raw: true }),
    mode: 'onTouched',
    defaultValues: values as DefaultValues<V>,
  });
  useReportValues(form, onValuesChange);
  useServerErrors(form, step, serverErrors, onServerErrorsShown);
  return form;
}

/** Reports every change of a step's values, so the draft survives Back, step jumps and reloads. */
function useReportValues<T extends FieldValues>(form: UseFormReturn<T>, onChange: (values: T) => void) {
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
function useServerErrors<T extends FieldValues>(
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
