import type { z } from 'zod';
import { isValidationCode, validationMessages, type ValidationCode } from '@/domain/validation-messages';
import { fillEnglish, splitParams } from '@/domain/validation-params';
import type { FieldError } from './problem';

/** Issues zod raises when a value has the wrong type or is not one of the allowed values. */
const VALUE_ISSUES = new Set(['invalid_type', 'invalid_value', 'invalid_union']);

/** The value at an issue's path in what was parsed; undefined when a key on the way is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A code that already says the value is missing, such as `accountSid.required` or `condition.valueRequired`. */
const saysRequired = (code: ValidationCode) => /(\.r|R)equired$/.test(code);

/**
 * The code of one issue. A field that is absent (or undefined) is "required", not
 * "invalid" nor a schema's code for a wrong value ("channel.unsupported"), unless the
 * schema's own code says required. zod 4 does not keep the input in its issues, so
 * whether it was absent is read from the parsed input itself. A null is a value of the
 * wrong type, so it stays "invalid".
 */
function issueCode(issue: z.core.$ZodIssue, code: string, input: unknown): ValidationCode {
  const own = isValidationCode(code) ? code : 'field.invalid';
  const absent = VALUE_ISSUES.has(issue.code) && valueAt(input, issue.path) === undefined;
  if (absent && !saysRequired(own)) return 'field.required';
  return own;
}

/** Turns zod issues into the field errors of a validation problem; `input` is what was parsed. */
export function toFieldErrors(error: z.ZodError, input: unknown): FieldError[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...issue.path, key].join('.'),
        code: 'field.unknown',
        message: validationMessages['field.unknown'],
      }));
    }
    const { code: named, params } = splitParams(issue.message);
    const code = issueCode(issue, named, input);
    const path = issue.path.join('.');
    if (code !== named || params.character === undefined) return [{ path, code, message: validationMessages[code] }];
    return [{ path, code, message: fillEnglish(validationMessages[code], params), params }];
  });
}
