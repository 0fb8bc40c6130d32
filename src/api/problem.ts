import { problemSchema, problemTypes, type FieldError, type Problem } from './contract/problem';

/** A request the API answered with problem details (or that never got an answer). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }

  get isVersionConflict(): boolean {
    return this.problem.type === problemTypes.versionConflict;
  }

  get isNetworkFailure(): boolean {
    return this.problem.status === 0;
  }
}

export function networkFailure(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail });
}

/** Reads a failed response as problem details, tolerating servers that send something else. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = problemSchema.safeParse(body);
  if (parsed.success) return new ApiError({ ...parsed.data, status: response.status });
  return new ApiError({
    type: problemTypes.server,
    title: response.statusText || 'Request failed',
    status: response.status,
  });
}

/** A response whose body does not match the contract: a bug, reported as such. */
export function contractViolation(path: string, issues: string): ApiError {
  return new ApiError({
    type: problemTypes.server,
    title: 'Unexpected response',
    status: 502,
    detail: `The response of ${path} did not match the API contract: ${issues}`,
  });
}
