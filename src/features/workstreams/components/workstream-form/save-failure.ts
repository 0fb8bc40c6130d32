import type { UseFormSetError } from 'react-hook-form';
import { placeServerErrors } from '@/components/form/apply-server-errors';
import { isFormPath, type WorkstreamFormValues } from './form-values';

/**
 * Puts a failed save's field errors on the form. Returns the error to show as a whole
 * (conflict, server, network, a field this form does not have), or null when the fields say it all.
 */
export function placeSaveFailure(error: unknown, setError: UseFormSetError<WorkstreamFormValues>): unknown {
  return placeServerErrors(error, setError, isFormPath) ? null : error;
}
