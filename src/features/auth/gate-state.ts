import { ApiError } from '@/api/problem';

export type GateState = 'checking' | 'signedOut' | 'signedIn' | 'failed';

/**
 * What the app shows for the session query. A 401 wins over data from before: the session
 * has ended. Any other failure with data from before keeps the user where they are.
 */
export function gateState({ data, error, isPending }: { data: unknown; error: unknown; isPending: boolean }): GateState {
  if (error instanceof ApiError && error.status === 401) return 'signedOut';
  if (data !== undefined) return 'signedIn';
  if (isPending) return 'checking';
  return 'failed';
}
