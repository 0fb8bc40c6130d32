import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { FieldError } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';
import { withParams } from '@/domain/validation-params';

/**
 * Puts the server's field errors on the form fields they belong to, focusing the first.
 * Returns the errors no field of this form owns, for the caller to show elsewhere.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  ownsField: (path: string) => boolean,
): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  const unmatched: FieldError[] = [];
  let focused = false;
  for (const fieldError of error.fieldErrors) {
    if (!ownsField(fieldError.path)) {
      unmatched.push(fieldError);
      continue;
    }
    setError(fieldError.path as Path<T>, { type: 'server', message: withParams(fieldError.code, fieldError.params) }, { shouldFocus: !focused });
    focused = true;
  }
  return unmatched;
}

/**
 * Places the server's field errors on the form; true when every one found its field, so
 * the failure needs no message of its own. Otherwise the caller shows the failure.
 */
export function placeServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, ownsField: (path: string) => boolean): boolean {
  const unmatched = applyServerErrors(error, setError, ownsField);
  return error instanceof ApiError && error.fieldErrors.length > 0 && unmatched.length === 0;
}
