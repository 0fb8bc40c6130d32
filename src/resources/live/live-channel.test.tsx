import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { aConversation, CONVERSATION_ID } from '@/testing/features/conversations';
import { renderWithProviders } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { conversationQueries } from '../conversations';
import { sandboxQueries } from '../sandbox';
import { useLiveStatus } from './live-channel';
import { retryDelay } from './live-connection';

function Status() {
  return <output>{useLiveStatus()}</output>;
}

let stream: ReturnType<typeof installScriptedEventSource>;
beforeEach(() => {
  stream = installScriptedEventSource();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const status = () => screen.getByRole('status');

describe('the live channel', () => {
  test('without EventSource (the demo in old browsers) it says it is unavailable and nothing breaks', () => {
    vi.stubGlobal('EventSource', undefined);
    renderWithProviders(<Status />);
    expect(status()).toHaveTextContent('unavailable');
  });

  test('connects to /api/events and is live once open', () => {
    renderWithProviders(<Status />);
    expect(status()).toHaveTextContent('connecting');
    expect(stream.latest().url).toBe('/api/events');
    stream.latest().open();
    expect(status()).toHaveTextContent('live');
  });

  test('a broken stream reconnects after 1 s, 2 s, 4 s…, and what was missed is fetched again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { queryClient } = renderWithProviders(<Status />);
    const conversation = conversationQueries.detail(CONVERSATION_ID).queryKey;
    queryClient.setQueryData(conversation, aConversation());
    stream.latest().open();

    stream.latest().fail();
    expect(stream.instances()[0]!.closed).toBe(true);
    expect(status()).toHaveTextContent('reconnecting');
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(stream.instances()).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(stream.instances()).toHaveLength(2);

    stream.latest().fail();
    await act(() => vi.advanceTimersByTimeAsync(1999));
    expect(stream.instances()).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(stream.instances()).toHaveLength(3);

    expect(queryClient.getQueryState(conversation)?.isInvalidated).toBe(false);
    stream.latest().open();
    expect(status()).toHaveTextContent('live');
    expect(queryClient.getQueryState(conversation)?.isInvalidated).toBe(true);

    // Back to the first pause after a success.
    stream.latest().fail();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(stream.instances()).toHaveLength(4);
  });

  test('after a gap the sandbox checklist is fetched again too, other resources are not', async () => {
    const { queryClient } = renderWithProviders(<Status />);
    const sandbox: readonly unknown[] = sandboxQueries.status('account-1').queryKey;
    queryClient.setQueryData(sandbox, { firstInboundAt: null });
    queryClient.setQueryData(['queues', 'list'], { items: [] });
    stream.latest().open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    stream.latest().fail();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    stream.latest().open();
    expect(queryClient.getQueryState(sandbox)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(['queues', 'list'])?.isInvalidated).toBe(false);
  });

  test('the pause between attempts grows to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  test('leaving the signed-in app closes the stream and stops retrying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { unmount } = renderWithProviders(<Status />);
    stream.latest().fail();
    unmount();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(stream.instances()).toHaveLength(1);

    const again = renderWithProviders(<Status />);
    again.unmount();
    expect(stream.latest().closed).toBe(true);
  });
});
