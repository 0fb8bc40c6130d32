import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { paths } from '@/config/paths';
import { aConversation, aMessage, serveConversation } from '@/testing/features/conversations';
import { createTestBackend, currentUrl, renderWithProviders } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { ConversationPage } from '../conversation/conversation-page';
import { ConversationsPage } from '../list/conversations-page';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  backend.server.resetHandlers();
  backend.db.reset();
  vi.unstubAllGlobals();
});
afterAll(() => backend.server.close());

const MARIA = aConversation();

const liveBadges = () => screen.getAllByRole('status').filter((status) => status.textContent === 'Live');

function ConversationRoute() {
  return <ConversationPage conversationId={MARIA.id} />;
}

describe('one live stream for the agent view', () => {
  test('the list and the conversation share it: moving between them neither closes nor reopens it', async () => {
    const stream = installScriptedEventSource();
    backend.server.use(http.get('/api/conversations', () => HttpResponse.json({ items: [MARIA], nextCursor: null })));
    serveConversation(backend, MARIA, [aMessage({ body: 'Where is my order?' })]);
    const { router, user } = renderWithProviders(
      [
        { path: paths.conversations, element: <main><ConversationsPage canListQueues /></main> },
        { path: '/conversations/:id', element: <main><ConversationRoute /></main> },
      ],
      { initialEntries: [paths.conversations] },
    );
    stream.latest().open();
    const table = await screen.findByRole('table', { name: 'Conversations' });
    expect(liveBadges()).toHaveLength(1);

    await user.click(within(table).getByRole('link', { name: 'Maria Virtanen' }));
    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(currentUrl(router)).toBe(paths.conversation(MARIA.id));
    expect(liveBadges()).toHaveLength(1);

    stream.latest().send({ type: 'message', message: aMessage({ body: 'Are you there?' }) }, 'message');
    expect(await within(log).findByText('Are you there?')).toBeInTheDocument();

    await act(() => router.navigate(paths.conversations));
    await screen.findByRole('table', { name: 'Conversations' });
    expect(stream.instances()).toHaveLength(1);
    expect(stream.latest().closed).toBe(false);
  });
});
