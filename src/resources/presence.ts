import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { SessionAnswer } from '@/api/contract/session';
import type { Presence } from '@/domain/work-distribution/presence';
import { resourceKeys } from './keys';
import { useLiveEvent } from './live/live-channel';
import { sessionQueries } from './session';

function storeOwnPresence(queryClient: QueryClient, presence: Presence) {
  queryClient.setQueryData<SessionAnswer>(sessionQueries.current().queryKey, (session) =>
    session?.user ? { ...session, user: { ...session.user, presence } } : session,
  );
}

/** The signed-in user's presence; users and queues show presences, so they are fetched again. */
export function useSetPresence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (presence: Presence) => api.session.setPresence(presence),
    onSuccess: ({ presence }) => {
      storeOwnPresence(queryClient, presence);
      void queryClient.invalidateQueries({ queryKey: resourceKeys.users });
      void queryClient.invalidateQueries({ queryKey: resourceKeys.queues });
    },
  });
}

/**
 * Keeps presences current from the live channel: the signed-in user's own (changed in
 * another tab) goes into the session; anyone's makes users and queues stale.
 */
export function usePresenceLiveUpdates(ownUserId: string) {
  const queryClient = useQueryClient();
  useLiveEvent((event) => {
    if (event.type !== 'presence') return;
    if (event.userId === ownUserId) storeOwnPresence(queryClient, event.presence);
    void queryClient.invalidateQueries({ queryKey: resourceKeys.users });
  });
}
