import { windowClosedDetail } from '@/api/contract/conversation';
import { problemTypes } from '@/api/contract/problem';
import { ApiError } from '@/api/problem';

/** The server refused a free-form reply: the 24-hour window closed (its clock is the one that counts). */
export function isWindowClosedError(error: unknown): boolean {
  return error instanceof ApiError && (error.problem.type === problemTypes.windowClosed || error.problem.detail === windowClosedDetail);
}
