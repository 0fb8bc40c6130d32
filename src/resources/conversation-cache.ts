import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Conversation, ConversationPage, Message, MessagePage } from '@/api/contract/conversation';
import type { LiveEvent } from '@/api/contract/live-event';
import { isOutboundStatus, nextStatus } from '@/domain/message-status';
import { conversationQueries } from './conversations';

/**
 * The same message can reach us twice (the send's answer and the live event) and in any
 * order: the copy kept is the one further along, as the server itself keeps statuses.
 */
function merge(current: Message, incoming: Message): Message {
  if (!isOutboundStatus(current.status) || !isOutboundStatus(incoming.status)) return incoming;
  const status = nextStatus(current.status, incoming.status);
  if (status === incoming.status) return { ...incoming, twilioSid: incoming.twilioSid ?? current.twilioSid };
  return { ...incoming, status: current.status, errorCode: current.errorCode, twilioSid: incoming.twilioSid ?? current.twilioSid };
}

/** Puts a message into its conversation's history: replaced where it is, otherwise added as the newest. */
export function storeMessage(queryClient: QueryClient, message: Message) {
  queryClient.setQueryData<InfiniteData<MessagePage, string | null>>(conversationQueries.messages(message.conversationId).queryKey, (data) => {
    if (!data) return data;
    const known = data.pages.some((page) => page.items.some((m) => m.id === message.id));
    if (known) {
      return {
        ...data,
        pages: data.pages.map((page) => ({ ...page, items: page.items.map((m) => (m.id === message.id ? merge(m, message) : m)) })),
      };
    }
    const [newest, ...older] = data.pages;
    if (!newest) return data;
    return { ...data, pages: [{ ...newest, items: [...newest.items, message] }, ...older] };
  });
}

const isNewer = (current: Conversation | undefined, incoming: Conversation) => !current || incoming.version >= current.version;

/**
 * Shows a changed conversation at once wherever it is cached, then lets the lists fetch
 * again: whether it now matches a list's filters, and where it sorts, is the server's call.
 */
export function storeConversation(queryClient: QueryClient, conversation: Conversation) {
  queryClient.setQueryData<Conversation>(conversationQueries.detail(conversation.id).queryKey, (current) =>
    isNewer(current, conversation) ? conversation : current,
  );
  queryClient.setQueriesData<InfiniteData<ConversationPage, string | null>>({ queryKey: conversationQueries.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.id === conversation.id && isNewer(item, conversation) ? conversation : item)),
          })),
        }
      : data,
  );
  void queryClient.invalidateQueries({ queryKey: conversationQueries.lists() });
}

/** Applies one server-sent event to the caches. */
export function applyLiveEvent(queryClient: QueryClient, event: LiveEvent) {
  if (event.type === 'conversation') storeConversation(queryClient, event.conversation);
  else if (event.type === 'message') {
    storeMessage(queryClient, event.message);
    // The customer wrote: the reply window and "waiting for reply" changed with it.
    if (event.message.direction === 'inbound') {
      void queryClient.invalidateQueries({ queryKey: conversationQueries.detail(event.message.conversationId).queryKey });
      void queryClient.invalidateQueries({ queryKey: conversationQueries.lists() });
    }
  }
}
