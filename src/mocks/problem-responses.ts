import { HttpResponse } from 'msw';
import type { z } from 'zod';
import {
  badRequestBody,
  conflictBody,
  notFoundBody,
  versionConflictBody,
  zodProblemBody,
} from '@/api/contract/problem-bodies';
import { readJsonText } from '@/api/contract/json-body';
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from '@/api/contract/problem';

export { fieldError } from '@/api/contract/problem-bodies';

export function problem(body: Problem): Response {
  return HttpResponse.json(body, { status: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
}

export const validationProblem = (error: z.ZodError, input: unknown): Response => problem(zodProblemBody(error, input));
export const conflict = (detail: string, errors: FieldError[]): Response => problem(conflictBody(detail, errors));
export const versionConflict = (what: string): Response => problem(versionConflictBody(what));
export const notFound = (what: string): Response => problem(notFoundBody(what));
export const badRequest = (detail: string): Response => problem(badRequestBody(detail));

/** Reads a JSON body the way the server does: malformed JSON is the caller's error. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const read = readJsonText(await request.text());
  return read.ok ? { ok: true, body: read.value } : { ok: false, response: badRequest(read.detail) };
}
