import type { SessionAnswer } from '@/api/contract/session';
import { ApiError } from '@/api/problem';

export type GateState = 'checking' | 'signedOut' | 'signedIn' | 'failed';

/**
 * What the app shows for the session query. A 401 wins over data from before: the session
 * has ended. Any other failure with data from before keeps the user where they are.
 */
export function gateState({ data, error, isPending }: { data: Pick<SessionAnswer, 'user'> | undefined; error: unknown; isPending: boolean }): GateState {
  if (error instanceof ApiError && error.status === 401) return 'signedOut';
  if (data !== undefined) return data.user === null ? 'signedOut' : 'signedIn';
  if (isPending) return 'checking';
  return 'failed';
}
