import type { InfiniteData } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Conversation, ConversationPage, Message, MessagePage } from '@/api/contract/conversation';
import { aConversation, aMessage, aReply, CONVERSATION_ID } from '@/testing/features/conversations';
import { renderWithProviders } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { conversationQueries } from './conversations';
import { useConversationLiveUpdates } from './conversations-live';

function Subscriber() {
  useConversationLiveUpdates();
  return null;
}

let stream: ReturnType<typeof installScriptedEventSource>;
beforeEach(() => {
  stream = installScriptedEventSource();
});
afterEach(() => vi.unstubAllGlobals());

const FILTERS = { status: 'open' as const };

function renderWithCaches(conversation: Conversation, messages: Message[]) {
  const rendered = renderWithProviders(<Subscriber />);
  const { queryClient } = rendered;
  queryClient.setQueryData(conversationQueries.detail(conversation.id).queryKey, conversation);
  queryClient.setQueryData<InfiniteData<ConversationPage, string | null>>(conversationQueries.list(FILTERS).queryKey, {
    pages: [{ items: [conversation], nextCursor: null }],
    pageParams: [null],
  });
  queryClient.setQueryData<InfiniteData<MessagePage, string | null>>(conversationQueries.messages(conversation.id).queryKey, {
    pages: [{ items: messages, previousCursor: null }],
    pageParams: [null],
  });
  const cached = {
    messages: () => queryClient.getQueryData<InfiniteData<MessagePage, string | null>>(conversationQueries.messages(conversation.id).queryKey)!.pages.flatMap((p) => p.items),
    detail: () => queryClient.getQueryData<Conversation>(conversationQueries.detail(conversation.id).queryKey)!,
    listed: () => queryClient.getQueryData<InfiniteData<ConversationPage, string | null>>(conversationQueries.list(FILTERS).queryKey)!.pages[0]!.items[0]!,
  };
  stream.latest().open();
  return { ...rendered, cached };
}

describe('conversation events on the live channel', () => {
  test('a new message is added to its conversation; a status change replaces it and never goes backwards', () => {
    const first = aMessage({ body: 'Hello?' });
    const { cached } = renderWithCaches(aConversation(), [first]);

    const reply = aReply({ body: 'Hi! How can I help?', status: 'sent' });
    stream.latest().send({ type: 'message', message: reply });
    expect(cached.messages().map((m) => [m.body, m.status])).toEqual([
      ['Hello?', 'received'],
      ['Hi! How can I help?', 'sent'],
    ]);

    stream.latest().send({ type: 'message', message: { ...reply, status: 'read' } });
    // Twilio's callbacks arrive out of order: a late "delivered" does not undo "read".
    stream.latest().send({ type: 'message', message: { ...reply, status: 'delivered' } });
    expect(cached.messages().map((m) => m.status)).toEqual(['received', 'read']);

    // Another conversation's message is not put into this one.
    stream.latest().send({ type: 'message', message: aMessage({ conversationId: '1f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a10', body: 'Other' }) });
    expect(cached.messages()).toHaveLength(2);
  });

  test('a changed conversation replaces the cached one in the screen and the lists, unless it is older', () => {
    const { cached } = renderWithCaches(aConversation({ version: 3 }), []);
    stream.latest().send({ type: 'conversation', conversation: aConversation({ version: 4, assigneeId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', assigneeName: 'Eero Agent' }) });
    expect(cached.detail().assigneeName).toBe('Eero Agent');
    expect(cached.listed().assigneeName).toBe('Eero Agent');

    stream.latest().send({ type: 'conversation', conversation: aConversation({ version: 2, assigneeName: null }) });
    expect(cached.detail().assigneeName).toBe('Eero Agent');
    expect(cached.listed().assigneeName).toBe('Eero Agent');
  });

  test('events with a name of their own are read too; malformed ones are ignored', () => {
    const { cached } = renderWithCaches(aConversation(), []);
    stream.latest().send('not json');
    stream.latest().send({ type: 'message', message: { id: 'x' } });
    stream.latest().send({ type: 'something-else' });
    expect(cached.messages()).toEqual([]);
    stream.latest().send({ type: 'message', message: aMessage({ conversationId: CONVERSATION_ID, body: 'Named' }) }, 'message');
    stream.latest().send({ type: 'conversation', conversation: aConversation({ version: 9, queueName: 'Billing' }) }, 'conversation');
    expect(cached.messages().map((m) => m.body)).toEqual(['Named']);
    expect(cached.detail().queueName).toBe('Billing');
  });
});
