import type { FieldError } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';

/** Where a field of the request lives in the wizard: the step that owns it and its path in the form. */
export interface FieldPlace<Id extends string> {
  step: Id;
  path: string;
}

/** A server field error placed on the step and form field it belongs to. */
export interface StepFieldError<Id extends string> extends FieldPlace<Id> {
  code: string;
  params?: FieldError['params'];
}

/**
 * The RFC 9457 field errors of a failed submit, each placed on the step that owns its field,
 * in the order of the steps. Errors no step owns are left for the caller to show as a whole.
 */
export function routeServerErrors<Id extends string>(
  error: unknown,
  stepOrder: readonly Id[],
  placeOf: (path: string) => FieldPlace<Id> | null,
): StepFieldError<Id>[] {
  if (!(error instanceof ApiError)) return [];
  const placed = error.fieldErrors.flatMap((fieldError) => {
    const place = placeOf(fieldError.path);
    return place ? [{ ...place, code: fieldError.code, params: fieldError.params }] : [];
  });
  return stepOrder.flatMap((step) => placed.filter((fieldError) => fieldError.step === step));
}
