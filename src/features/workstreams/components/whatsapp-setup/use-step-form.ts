import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { FormStep } from './setup-steps';
import type { ServerErrors, StepProps } from './wizard-state';

/**
 * A step's form: validated with its slice of the contract (values stay as typed; the
 * server trims), its changes reported to the draft, and Finish's field errors for this
 * step put on its fields.
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

/** Once: when the step is on screen as the errors arrive, or when the admin is sent back to it. */
function useServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  step: FormStep,
  serverErrors: ServerErrors | null,
  onShown: (step: FormStep) => void,
) {
  const { setError } = form;
  useEffect(() => {
    if (!serverErrors?.steps.includes(step)) return;
    serverErrors.errors
      .filter((error) => error.step === step)
      .forEach((error, index) => setError(error.path as Path<T>, { type: 'server', message: error.code }, { shouldFocus: index === 0 }));
    onShown(step);
  }, [serverErrors, step, setError, onShown]);
}
