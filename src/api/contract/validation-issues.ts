import type { z } from 'zod';
import { isValidationCode, validationMessages } from '@/domain/validation-messages';
import type { FieldError } from './problem';

/** Turns zod issues into the field errors of a validation problem. */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const code = isValidationCode(issue.message) ? issue.message : 'field.invalid';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...issue.path, key].join('.'),
        code: 'field.unknown',
        message: validationMessages['field.unknown'],
      }));
    }
    return [{ path: issue.path.join('.'), code, message: validationMessages[code] }];
  });
}
