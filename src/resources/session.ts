import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '@/api/client';
import type { PasswordChangeInput, Session, SetupInput, SignInInput } from '@/api/contract/session';
import { paths } from '@/config/paths';
import { resourceKeys } from './keys';
import { unauthorizedIsAnswer } from './session-recheck';

export const sessionQueries = {
  /** Who is signed in (`user: null` when nobody is); fails with 401 when the session has ended. */
  current: () => queryOptions({ queryKey: resourceKeys.session, queryFn: () => api.session.get() }),
  /** Whether the first administrator still has to be created. */
  setupStatus: () => queryOptions({ queryKey: resourceKeys.setupStatus, queryFn: () => api.setup.status(), staleTime: 0 }),
};

/**
 * A new session starts from nothing cached: what another user saw must not show through.
 * The session query itself stays, so that the pages watching it see the new session.
 */
function useStartSession() {
  const queryClient = useQueryClient();
  const sessionKey = sessionQueries.current().queryKey;
  return (session: Session) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    queryClient.setQueryData(sessionKey, session);
  };
}

export function useSignIn() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (input: SignInInput) => api.session.signIn(input),
    onSuccess: start,
    // A 401 here is the answer to wrong credentials, not a session that ended.
    meta: unauthorizedIsAnswer,
  });
}

export function useCompleteSetup() {
  const start = useStartSession();
  return useMutation({ mutationFn: (input: SetupInput) => api.setup.complete(input), onSuccess: start });
}

/**
 * Signs out, forgets every cached answer and goes to the sign-in page in the same breath,
 * so that no signed-in page asks for the session it just lost (and remembers itself as `next`).
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.session.signOut(),
    onSuccess: () => {
      queryClient.clear();
      void navigate(paths.signIn, { replace: true });
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: PasswordChangeInput) => api.session.changePassword(input) });
}
