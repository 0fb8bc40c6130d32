import { HttpResponse } from 'msw';
import type { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, problemTypes, type FieldError, type Problem } from '@/api/contract/problem';
import { toFieldErrors } from '@/api/contract/validation-issues';
import { validationMessages, type ValidationCode } from '@/domain/validation-messages';

export function problem(body: Problem): Response {
  return HttpResponse.json(body, { status: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });
}

export function validationProblem(error: z.ZodError): Response {
  return problem({
    type: problemTypes.validation,
    title: 'Some fields need attention',
    status: 400,
    errors: toFieldErrors(error),
  });
}

export function fieldError(path: string, code: ValidationCode): FieldError {
  return { path, code, message: validationMessages[code] };
}

export function conflict(detail: string, errors: FieldError[]): Response {
  return problem({ type: problemTypes.conflict, title: 'Conflict', status: 409, detail, errors });
}

export function versionConflict(what: string): Response {
  return problem({
    type: problemTypes.versionConflict,
    title: 'Changed by someone else',
    status: 409,
    detail: `Someone else changed this ${what} after you opened it. Reload to see their changes.`,
  });
}

export function notFound(what: string): Response {
  return problem({
    type: problemTypes.notFound,
    title: 'Not found',
    status: 404,
    detail: `This ${what} does not exist, or it was deleted.`,
  });
}

export function badRequest(detail: string): Response {
  return problem({ type: problemTypes.badRequest, title: 'Bad request', status: 400, detail });
}

/** Reads a JSON body the way the server will: malformed JSON is the caller's error. */
export async function readJson(request: Request): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: badRequest('The request body is not valid JSON.') };
  }
}
