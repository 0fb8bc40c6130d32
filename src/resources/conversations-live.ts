import { useQueryClient } from '@tanstack/react-query';
import { applyLiveEvent } from './conversation-cache';
import { useLiveEvent } from './live/live-channel';

/** Keeps the conversation caches current from the app's live channel while the caller is mounted. */
export function useConversationLiveUpdates() {
  const queryClient = useQueryClient();
  useLiveEvent((event) => applyLiveEvent(queryClient, event));
}
