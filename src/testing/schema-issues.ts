import type { z } from 'zod';

/**
 * What a schema says about an input in one pass: each path with its first code, as a form
 * would show them ("numbers.1.number" → "number.duplicate"). Empty when the input is valid.
 */
export function issuesInOnePass(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  const issues: Record<string, string> = {};
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String).join('.');
    issues[path] ??= issue.message;
  }
  return issues;
}
