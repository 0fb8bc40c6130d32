import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLiveEvent } from './live/live-channel';
import { queueQueries } from './queues';

/** A burst of events (a pass assigning ten conversations) refetches once, this long after the last. */
export const OVERVIEW_REFETCH_DELAY_MS = 500;

/** Fetches the queues' overview again when conversations move or presences change, while the caller is mounted. */
export function useQueueOverviewLiveUpdates() {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useLiveEvent((event) => {
    if (event.type !== 'conversation' && event.type !== 'presence') return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: queueQueries.overview().queryKey });
    }, OVERVIEW_REFETCH_DELAY_MS);
  });
}
