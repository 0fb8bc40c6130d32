import type { Result } from './result';

/** WhatsApp's limit for a template body. */
export const MAX_TEMPLATE_BODY_LENGTH = 1024;

export type TemplateBodyError =
  | 'body.required'
  | 'body.tooLong'
  | 'body.malformedVariable'
  | 'body.variablesNotSequential'
  | 'body.adjacentVariables';

/** Anything in double braces; only {{n}} with digits is a variable. */
const BRACES = /\{\{([^{}]*)\}\}/g;
const VARIABLE = /^[1-9]\d*$/;

/** The variable numbers in order of appearance, e.g. "Hi {{1}}, {{2}} {{1}}" → [1, 2, 1]. */
export function templateVariables(body: string): number[] {
  return [...body.matchAll(BRACES)].flatMap((match) => (VARIABLE.test(match[1] ?? '') ? [Number(match[1])] : []));
}

/** How many example values the body needs: one per distinct variable. */
export function variableCount(body: string): number {
  return new Set(templateVariables(body)).size;
}

/**
 * The first rule the body breaks, WhatsApp's rules for template bodies: not empty, at
 * most 1,024 characters, variables written {{1}}, {{2}}… numbered from 1 without gaps,
 * and never two variables side by side (Meta rejects "{{1}}{{2}}" and "{{1}} {{2}}").
 */
export function checkTemplateBody(body: string): Result<string, TemplateBodyError> {
  if (body.trim() === '') return { ok: false, error: 'body.required' };
  if (body.length > MAX_TEMPLATE_BODY_LENGTH) return { ok: false, error: 'body.tooLong' };
  const braces = [...body.matchAll(BRACES)];
  if (braces.some((match) => !VARIABLE.test(match[1] ?? ''))) return { ok: false, error: 'body.malformedVariable' };
  const unbalanced = body.replace(BRACES, '');
  if (unbalanced.includes('{{') || unbalanced.includes('}}')) return { ok: false, error: 'body.malformedVariable' };
  const distinct = [...new Set(templateVariables(body))].sort((a, b) => a - b);
  if (distinct.some((n, index) => n !== index + 1)) return { ok: false, error: 'body.variablesNotSequential' };
  if (/\}\}\s*\{\{/.test(body)) return { ok: false, error: 'body.adjacentVariables' };
  return { ok: true, value: body };
}

/** The message as the customer would read it, each {{n}} replaced by its example (or left as is). */
export function renderTemplate(body: string, examples: readonly string[]): string {
  return body.replace(BRACES, (whole, inner: string) => {
    if (!VARIABLE.test(inner)) return whole;
    const example = examples[Number(inner) - 1];
    return example === undefined || example === '' ? whole : example;
  });
}
