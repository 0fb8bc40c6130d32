import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { placeServerErrors } from '@/components/form/apply-server-errors';

/**
 * Puts a failed save's field errors on the form's fields. Returns true when the fields
 * say it all; otherwise the caller shows the failure as a whole (conflict, server, network).
 */
export function placeFieldErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fields: readonly string[]): boolean {
  return placeServerErrors(error, setError, (path) => fields.includes(path));
}
