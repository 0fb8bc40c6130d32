import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import type { Conversation } from '@/api/contract/conversation';
import { paths } from '@/config/paths';
import { backendForThisFile, currentUrl, demoIds, renderWithProviders } from '@/testing/render';
import { aConversation, HOUR } from '../../../../testing/features/conversations';
import { ConversationsPage } from './conversations-page';

const backend = backendForThisFile('demo');

const MARIA = aConversation();
const JUSSI = aConversation({
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  customer: { waId: '358501112222', phone: '+358501112222', profileName: null },
  lastInboundAt: new Date(Date.now() - 30 * HOUR).toISOString(),
  lastMessagePreview: 'Thanks, bye',
  waitingForReply: false,
  queueId: demoIds.finnishQueue,
  queueName: 'Finnish customers',
  assigneeId: demoIds.agentUser,
  assigneeName: 'Eero Agent',
});

/** Answers the list from these pages (by cursor), and notes each query string. */
function serveList(pages: Conversation[][]) {
  const queries: Record<string, string>[] = [];
  backend.server.use(
    http.get('/api/conversations', ({ request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      queries.push(params);
      const index = params.cursor ? Number(params.cursor) : 0;
      return HttpResponse.json({ items: pages[index] ?? [], nextCursor: index + 1 < pages.length ? String(index + 1) : null });
    }),
  );
  return queries;
}

function renderList(search = '', canListQueues = true) {
  return renderWithProviders(
    [
      { path: paths.conversations, element: <main><ConversationsPage canListQueues={canListQueues} /></main> },
      { path: '/conversations/:id', element: <p>Conversation stub</p> },
    ],
    { initialEntries: [`${paths.conversations}${search}`] },
  );
}

const table = () => screen.findByRole('table', { name: 'Conversations' });

describe('Conversations list', () => {
  test('each row: customer and number, last message, queue, assignee, waiting and the reply window', async () => {
    serveList([[MARIA, JUSSI]]);
    renderList();
    const rows = within(await table()).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const [maria, jussi] = rows as [HTMLElement, HTMLElement];
    expect(within(maria).getByRole('link', { name: 'Maria Virtanen' })).toHaveAttribute('href', paths.conversation(MARIA.id));
    expect(maria).toHaveTextContent('+358401234567');
    expect(maria).toHaveTextContent('Where is my order?');
    expect(maria).toHaveTextContent('General support');
    expect(maria).toHaveTextContent('Unassigned');
    expect(maria).toHaveTextContent('Waiting for reply');
    expect(maria).toHaveTextContent(/Reply window: 2[23] h \d+ min left/);

    // Without a profile name the number stands in.
    expect(within(jussi).getByRole('link', { name: '+358501112222' })).toBeInTheDocument();
    expect(jussi).toHaveTextContent('Eero Agent');
    expect(jussi).toHaveTextContent('Reply window: Template only');
    expect(jussi).not.toHaveTextContent('Waiting for reply');
  });

  test('a conversation with the bot says so in the assignee column; after the hand-off it is unassigned again', async () => {
    const withBot = aConversation({ waitReason: 'bot', bot: { name: 'Menu bot', active: true, turns: 1, handoff: null } });
    const handedOver = aConversation({
      id: '2a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      bot: { name: 'Menu bot', active: false, turns: 2, handoff: { reason: 'requested', detail: null, at: new Date().toISOString() } },
    });
    serveList([[withBot, handedOver]]);
    renderList();
    const [bot, human] = within(await table()).getAllByRole('row').slice(1) as [HTMLElement, HTMLElement];
    expect(bot).toHaveTextContent('Bot: Menu bot');
    expect(bot).not.toHaveTextContent('Unassigned');
    expect(human).toHaveTextContent('Unassigned');
  });

  test('the customer’s name leads to the conversation', async () => {
    serveList([[MARIA]]);
    const { user, router } = renderList();
    await user.click(within(await table()).getByRole('link', { name: 'Maria Virtanen' }));
    expect(await screen.findByText('Conversation stub')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(paths.conversation(MARIA.id));
  });

  test('open conversations by default; each filter goes into the address and the request', async () => {
    const queries = serveList([[MARIA]]);
    const { user, router } = renderList();
    await table();
    expect(queries.at(-1)).toEqual({ status: 'open' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Queue' }), 'Finnish customers');
    await waitFor(() => expect(currentUrl(router)).toBe(`/conversations?queueId=${demoIds.finnishQueue}`));
    await waitFor(() => expect(queries.at(-1)).toEqual({ status: 'open', queueId: demoIds.finnishQueue }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Closed');
    await user.click(screen.getByRole('checkbox', { name: 'Assigned to me' }));
    await user.click(screen.getByRole('checkbox', { name: 'Waiting for reply' }));
    await waitFor(() =>
      expect(currentUrl(router)).toBe(`/conversations?queueId=${demoIds.finnishQueue}&status=closed&assignedToMe=true&waitingForReply=true`),
    );
    await waitFor(() =>
      expect(queries.at(-1)).toEqual({ queueId: demoIds.finnishQueue, status: 'closed', assignedToMe: 'true', waitingForReply: 'true' }),
    );

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Open and closed');
    await waitFor(() => expect(queries.at(-1)).toEqual({ queueId: demoIds.finnishQueue, assignedToMe: 'true', waitingForReply: 'true' }));

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(currentUrl(router)).toBe('/conversations'));
    expect(screen.getByRole('combobox', { name: 'Queue' })).toHaveFocus();
    expect(screen.getByRole('checkbox', { name: 'Assigned to me' })).not.toBeChecked();
  });

  test('filters in the address are applied and shown on arrival', async () => {
    const queries = serveList([[JUSSI]]);
    renderList(`?queueId=${demoIds.finnishQueue}&status=all&assignedToMe=true`);
    await table();
    expect(queries.at(-1)).toEqual({ queueId: demoIds.finnishQueue, assignedToMe: 'true' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Queue' })).toHaveValue(demoIds.finnishQueue));
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('all');
    expect(screen.getByRole('checkbox', { name: 'Assigned to me' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Waiting for reply' })).not.toBeChecked();
  });

  test('agents, who cannot list queues, filter by the queues of the conversations shown', async () => {
    serveList([[MARIA, JUSSI]]);
    renderList('', false);
    await table();
    const options = within(screen.getByRole('combobox', { name: 'Queue' })).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['All queues', 'Finnish customers', 'General support']);
  });

  test('Load more fetches the next page from the server’s cursor', async () => {
    const queries = serveList([[MARIA], [JUSSI]]);
    const { user } = renderList();
    await table();
    expect(screen.getByRole('status')).toHaveTextContent('1 conversation shown.');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: '+358501112222' })).toBeInTheDocument();
    expect(queries.at(-1)).toEqual({ status: 'open', cursor: '1' });
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('2 conversations shown.')).toHaveFocus();
  });

  test('empty: says where conversations come from; with filters: that none match', async () => {
    serveList([[]]);
    const { user } = renderList();
    expect(await screen.findByRole('heading', { name: 'No conversations yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Waiting for reply' }));
    expect(await screen.findByRole('heading', { name: 'No conversations match the filters' })).toBeInTheDocument();
  });

  test('a failed load says so and can be retried', async () => {
    serveList([[MARIA]]);
    backend.server.use(http.get('/api/conversations', () => HttpResponse.error(), { once: true }));
    const { user } = renderList();
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await table()).toBeInTheDocument();
  });
});
