import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import type { Conversation, SendMessageInput, TransferInput } from '@/api/contract/conversation';
import { storeConversation, storeMessage } from './conversation-cache';
import { conversationQueries } from './conversations';

function useStoreConversation() {
  const queryClient = useQueryClient();
  return (conversation: Conversation) => storeConversation(queryClient, conversation);
}

export function useAcceptConversation(id: string) {
  const store = useStoreConversation();
  return useMutation({ mutationFn: (version: number) => api.conversations.accept(id, version), onSuccess: store });
}

export function useCloseConversation(id: string) {
  const store = useStoreConversation();
  return useMutation({ mutationFn: (version: number) => api.conversations.close(id, version), onSuccess: store });
}

/** Sends the conversation to another queue or agent; the answer (and its note) shows at once. */
export function useTransferConversation(id: string) {
  const store = useStoreConversation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, to }: TransferInput) => api.conversations.transfer(id, version, to),
    onSuccess: (conversation) => {
      store(conversation);
      void queryClient.invalidateQueries({ queryKey: conversationQueries.messages(id).queryKey });
    },
  });
}

export function useReleaseConversation(id: string) {
  const store = useStoreConversation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.conversations.release(id, version),
    onSuccess: (conversation) => {
      store(conversation);
      void queryClient.invalidateQueries({ queryKey: conversationQueries.messages(id).queryKey });
    },
  });
}

export function useSendMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SendMessageInput) => api.conversations.send(id, input),
    onSuccess: (message) => {
      storeMessage(queryClient, message);
      // The conversation's preview, time and "waiting for reply" changed with it.
      void queryClient.invalidateQueries({ queryKey: conversationQueries.detail(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: conversationQueries.lists() });
    },
  });
}

export function useUploadMedia(id: string) {
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress?: (fraction: number) => void }) =>
      api.conversations.uploadMedia(id, file, file.name, onProgress),
  });
}
