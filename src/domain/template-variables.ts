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
/** Stands in for a removed variable, so that the text on either side does not join up. */
const HOLE = '\u0000';

/**
 * The length people (and WhatsApp) count: characters, not UTF-16 units, so an emoji
 * counts once. The form's counter and the validation use this same count.
 */
export function templateBodyLength(body: string): number {
  return [...body].length;
}

/** The variable numbers in order of appearance, e.g. "Hi {{1}}, {{2}} {{1}}" → [1, 2, 1]. */
export function templateVariables(body: string): number[] {
  return [...body.matchAll(BRACES)].flatMap((match) => (VARIABLE.test(match[1] ?? '') ? [Number(match[1])] : []));
}

/** How many example values the body needs: one per distinct variable. */
export function variableCount(body: string): number {
  return new Set(templateVariables(body)).size;
}

/** The variable to insert next: one more than the highest so far, {{1}} in a body without any. */
export function nextVariable(body: string): number {
  return Math.max(0, ...templateVariables(body)) + 1;
}

function hasMalformedVariable(body: string): boolean {
  if ([...body.matchAll(BRACES)].some((match) => !VARIABLE.test(match[1] ?? ''))) return true;
  // "{{{1}}}" hides a variable in stray braces; "{{1" and "1}}" are half a variable.
  if (/\{\{\{|\}\}\}/.test(body)) return true;
  const rest = body.replace(BRACES, HOLE);
  return rest.includes('{{') || rest.includes('}}');
}

/**
 * The first rule the body breaks, WhatsApp's rules for template bodies: not empty, at
 * most 1,024 characters, variables written {{1}}, {{2}}… numbered from 1 without gaps
 * (in any order, and a variable may appear twice), and never two variables side by side
 * (Meta rejects "{{1}}{{2}}" and "{{1}} {{2}}").
 */
export function checkTemplateBody(body: string): Result<string, TemplateBodyError> {
  if (body.trim() === '') return { ok: false, error: 'body.required' };
  if (templateBodyLength(body) > MAX_TEMPLATE_BODY_LENGTH) return { ok: false, error: 'body.tooLong' };
  return checkTemplateVariables(body);
}

/**
 * The first rule the body's variables break, whatever its length: a body too long still
 * says which examples it needs, so both problems can be shown at once.
 */
export function checkTemplateVariables(body: string): Result<string, Exclude<TemplateBodyError, 'body.required' | 'body.tooLong'>> {
  if (hasMalformedVariable(body)) return { ok: false, error: 'body.malformedVariable' };
  const distinct = [...new Set(templateVariables(body))].sort((a, b) => a - b);
  if (distinct.some((n, index) => n !== index + 1)) return { ok: false, error: 'body.variablesNotSequential' };
  if (/\}\}\s*\{\{/.test(body)) return { ok: false, error: 'body.adjacentVariables' };
  return { ok: true, value: body };
}

/** The message as the customer would read it, each {{n}} replaced by its example (or left as is). */
export function renderTemplate(body: string, examples: readonly string[]): string {
  return body.replace(BRACES, (whole, inner: string) => {
    if (!VARIABLE.test(inner)) return whole;
    const example = examples[Number(inner) - 1]?.trim();
    return example === undefined || example === '' ? whole : example;
  });
}
