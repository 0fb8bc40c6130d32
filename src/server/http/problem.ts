import type { z } from 'zod';
import {
  badRequestBody,
  conflictBody,
  forbiddenBody,
  notFoundBody,
  unauthorizedBody,
  validationProblemBody,
  versionConflictBody,
  zodProblemBody,
} from '@/api/contract/problem-bodies';
import type { FieldError, Problem } from '@/api/contract/problem';

/** Thrown anywhere in a request; the error handler answers it as problem details. */
export class HttpProblem extends Error {
  constructor(
    readonly body: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.detail ?? body.title);
    this.name = 'HttpProblem';
  }
}

export const problems = {
  validation: (errors: FieldError[]) => new HttpProblem(validationProblemBody(errors)),
  zod: (error: z.ZodError, input: unknown) => new HttpProblem(zodProblemBody(error, input)),
  conflict: (detail: string, errors: FieldError[]) => new HttpProblem(conflictBody(detail, errors)),
  versionConflict: (what: string) => new HttpProblem(versionConflictBody(what)),
  notFound: (what: string) => new HttpProblem(notFoundBody(what)),
  badRequest: (detail: string) => new HttpProblem(badRequestBody(detail)),
  unauthorized: (detail?: string) => new HttpProblem(unauthorizedBody(detail)),
  forbidden: (detail?: string) => new HttpProblem(forbiddenBody(detail)),
};
