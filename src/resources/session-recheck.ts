import { ApiError } from '@/api/problem';
import { sessionQueries } from './session';

/** Mutation meta of a request whose 401 is an answer (wrong password), not a session that ended. */
export const unauthorizedIsAnswer = { unauthorizedIsAnswer: true } as const;

interface Source {
  queryKey?: readonly unknown[];
  meta?: Record<string, unknown> | undefined;
}

/**
 * Whether a failed request means the session should be asked for again: a 401 says it
 * ended (the gate then shows the sign-in page), a 403 that the role may have changed
 * (the role page replaces the configuration page).
 */
export function needsSessionCheck(error: unknown, { queryKey, meta }: Source): boolean {
  if (!(error instanceof ApiError) || (error.status !== 401 && error.status !== 403)) return false;
  if (queryKey?.[0] === sessionQueries.current().queryKey[0]) return false;
  return !(error.status === 401 && meta?.unauthorizedIsAnswer === true);
}
