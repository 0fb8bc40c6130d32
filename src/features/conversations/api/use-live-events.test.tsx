import { act, screen } from '@testing-library/react';
import type { InfiniteData } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Conversation, ConversationPage, Message, MessagePage } from '@/api/contract/conversation';
import { renderWithProviders } from '@/testing/render';
import { LiveStatusBadge } from '../components/live/live-status';
import { aConversation, aMessage, aReply, CONVERSATION_ID } from '../../../testing/features/conversations';
import { conversationQueries } from './conversation-queries';
import { retryDelay, useLiveEvents } from './use-live-events';

/** Stands in for the browser's EventSource, driven by the test. */
class FakeEventSource {
  static instances: FakeEventSource[] = [];
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, Set<(event: MessageEvent) => void>>();

  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }

  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener);
    this.listeners.set(type, set);
  }

  close() {
    this.closed = true;
  }

  open() {
    act(() => this.onopen?.(new Event('open')));
  }

  fail() {
    act(() => this.onerror?.(new Event('error')));
  }

  send(data: unknown, type = 'message') {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    act(() => {
      for (const listener of this.listeners.get(type) ?? []) listener(new MessageEvent(type, { data: text }));
    });
  }
}

const latest = () => FakeEventSource.instances.at(-1)!;

function Harness() {
  return <LiveStatusBadge status={useLiveEvents()} />;
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const FILTERS = { status: 'open' as const };

function renderWithCaches(conversation: Conversation, messages: Message[]) {
  const rendered = renderWithProviders(<Harness />);
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
  return { ...rendered, cached };
}

describe('live updates', () => {
  test('without EventSource (tests, the demo in old browsers) nothing is shown and nothing breaks', () => {
    vi.stubGlobal('EventSource', undefined);
    renderWithProviders(<Harness />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  test('connects to /api/events and says Live once open', () => {
    renderWithProviders(<Harness />);
    expect(screen.getByRole('status')).toHaveTextContent('Connecting…');
    expect(latest().url).toBe('/api/events');
    latest().open();
    expect(screen.getByRole('status')).toHaveTextContent('Live');
  });

  test('a new message is added to its conversation; a status change replaces it and never goes backwards', () => {
    const first = aMessage({ body: 'Hello?' });
    const { cached } = renderWithCaches(aConversation(), [first]);
    latest().open();

    const reply = aReply({ body: 'Hi! How can I help?', status: 'sent' });
    latest().send({ type: 'message', message: reply });
    expect(cached.messages().map((m) => [m.body, m.status])).toEqual([
      ['Hello?', 'received'],
      ['Hi! How can I help?', 'sent'],
    ]);

    latest().send({ type: 'message', message: { ...reply, status: 'read' } });
    // Twilio's callbacks arrive out of order: a late "delivered" does not undo "read".
    latest().send({ type: 'message', message: { ...reply, status: 'delivered' } });
    expect(cached.messages().map((m) => m.status)).toEqual(['received', 'read']);

    // Another conversation's message is not put into this one.
    latest().send({ type: 'message', message: aMessage({ conversationId: '1f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a10', body: 'Other' }) });
    expect(cached.messages()).toHaveLength(2);
  });

  test('a changed conversation replaces the cached one in the screen and the lists, unless it is older', () => {
    const { cached } = renderWithCaches(aConversation({ version: 3 }), []);
    latest().open();
    latest().send({ type: 'conversation', conversation: aConversation({ version: 4, assigneeId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', assigneeName: 'Eero Agent' }) });
    expect(cached.detail().assigneeName).toBe('Eero Agent');
    expect(cached.listed().assigneeName).toBe('Eero Agent');

    latest().send({ type: 'conversation', conversation: aConversation({ version: 2, assigneeName: null }) });
    expect(cached.detail().assigneeName).toBe('Eero Agent');
    expect(cached.listed().assigneeName).toBe('Eero Agent');
  });

  test('events with a name of their own are read too; malformed ones are ignored', () => {
    const { cached } = renderWithCaches(aConversation(), []);
    latest().open();
    latest().send('not json');
    latest().send({ type: 'message', message: { id: 'x' } });
    latest().send({ type: 'something-else' });
    expect(cached.messages()).toEqual([]);
    latest().send({ type: 'message', message: aMessage({ conversationId: CONVERSATION_ID, body: 'Named' }) }, 'message');
    latest().send({ type: 'conversation', conversation: aConversation({ version: 9, queueName: 'Billing' }) }, 'conversation');
    expect(cached.messages().map((m) => m.body)).toEqual(['Named']);
    expect(cached.detail().queueName).toBe('Billing');
  });

  test('a broken stream says Reconnecting…, is retried after 1 s, 2 s, 4 s…, and what was missed is fetched again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { queryClient } = renderWithCaches(aConversation(), []);
    latest().open();

    latest().fail();
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(FakeEventSource.instances).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(FakeEventSource.instances).toHaveLength(2);

    latest().fail();
    await act(() => vi.advanceTimersByTimeAsync(1999));
    expect(FakeEventSource.instances).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(FakeEventSource.instances).toHaveLength(3);

    expect(queryClient.getQueryState(conversationQueries.detail(CONVERSATION_ID).queryKey)?.isInvalidated).toBe(false);
    latest().open();
    expect(screen.getByRole('status')).toHaveTextContent('Live');
    expect(queryClient.getQueryState(conversationQueries.detail(CONVERSATION_ID).queryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(conversationQueries.messages(CONVERSATION_ID).queryKey)?.isInvalidated).toBe(true);

    // Back to the first pause after a success.
    latest().fail();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(FakeEventSource.instances).toHaveLength(4);
  });

  test('the pause between attempts grows to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  test('leaving the page closes the stream and stops retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { unmount } = renderWithProviders(<Harness />);
    latest().fail();
    unmount();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);

    FakeEventSource.instances = [];
    const again = renderWithProviders(<Harness />);
    again.unmount();
    expect(FakeEventSource.instances[0]!.closed).toBe(true);
  });
});
