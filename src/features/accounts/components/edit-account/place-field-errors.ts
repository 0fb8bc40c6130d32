import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/api/problem';
import { applyServerErrors } from '@/components/form/apply-server-errors';

/**
 * Puts a failed save's field errors on the form's fields. Returns true when the fields
 * say it all; otherwise the caller shows the failure as a whole (conflict, server, network).
 */
export function placeFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  const unmatched = applyServerErrors(error, setError, (path) => fields.includes(path));
  return error instanceof ApiError && error.fieldErrors.length > 0 && unmatched.length === 0;
}
