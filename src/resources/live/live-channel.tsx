import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LiveEvent } from '@/api/contract/live-event';
import { resourceKeys } from '../keys';
import { openLiveConnection, type LiveStatus } from './live-connection';

type Listener = (event: LiveEvent) => void;

interface LiveChannel {
  status: LiveStatus;
  subscribe: (listener: Listener) => () => void;
}

/** Outside a provider there is no stream: nothing arrives, and the badge says nothing. */
const LiveChannelContext = createContext<LiveChannel>({ status: 'unavailable', subscribe: () => () => undefined });

/** What a missed event may have changed: fetched again when the stream comes back. */
const liveResources = [resourceKeys.conversations, resourceKeys.sandbox];

/**
 * The app's one event stream, opened when the signed-in layout mounts and kept across
 * navigation; features subscribe to it instead of opening their own.
 */
export function LiveChannelProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(() => (typeof EventSource === 'undefined' ? 'unavailable' : 'connecting'));
  const listeners = useRef(new Set<Listener>());

  useEffect(
    () =>
      openLiveConnection({
        onEvent: (event) => listeners.current.forEach((listener) => listener(event)),
        onStatus: setStatus,
        onResumed: () => liveResources.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey })),
      }),
    [queryClient],
  );

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);
  const channel = useMemo<LiveChannel>(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveChannelContext value={channel}>{children}</LiveChannelContext>;
}

/** Whether events arrive by themselves, for the Live badge. */
export function useLiveStatus(): LiveStatus {
  return useContext(LiveChannelContext).status;
}

/** Calls the handler with every event while the component is mounted; the latest handler is used. */
export function useLiveEvent(handler: Listener) {
  const { subscribe } = useContext(LiveChannelContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe((event) => latest.current(event)), [subscribe]);
}
