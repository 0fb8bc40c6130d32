import type { z } from 'zod';
import { splitParams } from '@/domain/validation-params';

/**
 * What a schema says about an input in one pass: each path with its first code, as a form
 * would show them ("numbers.1.number" → "number.duplicate"). Empty when the input is valid.
 */
export function issuesInOnePass(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  const issues: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String).join('.');
    // A message may carry a parameter after its code ("e164.invalidCharacters?character=n"): the code is what counts here.
    issues[path] ??= splitParams(issue.message).code;
  }
  return issues;
}
