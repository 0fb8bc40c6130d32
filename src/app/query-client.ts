import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/problem';
import { sessionQueries } from '@/resources/session';
import { needsSessionCheck } from '@/resources/session-recheck';

export function createQueryClient() {
  // A 401 or 403 anywhere asks for the session again: the gate then shows the sign-in or role page.
  const recheckSession = (error: unknown, source: Parameters<typeof needsSessionCheck>[1]) => {
    if (needsSessionCheck(error, source)) void queryClient.invalidateQueries({ queryKey: sessionQueries.current().queryKey });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => recheckSession(error, query) }),
    mutationCache: new MutationCache({ onError: (error, _variables, _context, mutation) => recheckSession(error, mutation.options) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change on their own; retrying them only delays the message.
        retry: (failureCount, error) =>
          failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
