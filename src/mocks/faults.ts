import { http } from 'msw';
import { problemTypes } from '@/api/contract/problem';
import { problem } from './problem-responses';

/**
 * Lets an evaluator (and the e2e tests) see how the product behaves when the backend
 * fails: the next write answers 500 once, as a crashed server would.
 */
export function createFaults() {
  let failNextWrite = false;
  return {
    failNextWrite() {
      failNextWrite = true;
    },
    get armed() {
      return failNextWrite;
    },
    handler: http.all('/api/*', ({ request }) => {
      if (!failNextWrite || request.method === 'GET') return undefined;
      failNextWrite = false;
      return problem({
        type: problemTypes.server,
        title: 'Server error',
        status: 500,
        detail: 'The demo backend was told to fail this request. Nothing was saved; try again.',
      });
    }),
  };
}

export type Faults = ReturnType<typeof createFaults>;
