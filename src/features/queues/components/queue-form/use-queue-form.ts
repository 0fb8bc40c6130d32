import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type FieldValues, type Resolver, type UseFormReturn, type UseFormSetError } from 'react-hook-form';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { isFormField, queueFormSchema, type QueueFormOutput, type QueueFormValues } from './form-values';

// The schema's input allows anything for the hours while "Always open" is chosen; the form always holds them.
const resolver = zodResolver(queueFormSchema) as unknown as Resolver<QueueFormValues, unknown, QueueFormOutput>;

export type QueueForm = UseFormReturn<QueueFormValues, unknown, QueueFormOutput>;

/** Validates on blur and submit with the contract's own rules and codes. */
export function useQueueForm(defaultValues: QueueFormValues): QueueForm {
  return useForm<QueueFormValues, unknown, QueueFormOutput>({ resolver, mode: 'onTouched', defaultValues });
}

/**
 * Puts a failed save's field errors on the form's fields. Returns true when the fields say
 * it all; otherwise the caller shows the failure as a whole (conflict, server, network).
 */
export function placeFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): boolean {
  return placeServerErrors(error, setError, isFormField);
}
