import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import { queueFormSchema, type QueueFormOutput, type QueueFormValues } from './form-values';

// The schema's input allows anything for the hours while "Always open" is chosen; the form always holds them.
const resolver = zodResolver(queueFormSchema) as unknown as Resolver<QueueFormValues, unknown, QueueFormOutput>;

export type QueueForm = UseFormReturn<QueueFormValues, unknown, QueueFormOutput>;

/** Validates on blur and submit with the contract's own rules and codes. */
export function useQueueForm(defaultValues: QueueFormValues): QueueForm {
  return useForm<QueueFormValues, unknown, QueueFormOutput>({ resolver, mode: 'onTouched', defaultValues });
}
