import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { ConversationPage } from './conversation/conversation-page';
import { ConversationsPage } from './list/conversations-page';

/*
 * The agent view against the demo's own mock backend (no overrides): the seeded
 * conversations, the mock's rules for the 24-hour window and templates. If the mock and
 * the screens disagree about the contract, this is where it shows.
 */
backendForThisFile('demo');

function renderApp(entry: string = paths.conversations) {
  return renderWithProviders(
    [
      { path: paths.conversations, element: <main><ConversationsPage canListQueues /></main> },
      {
        path: '/conversations/:conversationId',
        lazy: async () => {
          const { useParams } = await import('react-router');
          return {
            Component: function Route() {
              const { conversationId = '' } = useParams();
              return (
                <main>
                  <ConversationPage key={conversationId} conversationId={conversationId} />
                </main>
              );
            },
          };
        },
      },
    ],
    { initialEntries: [entry] },
  );
}

async function open(user: ReturnType<typeof renderApp>['user'], name: string) {
  await user.click(within(await screen.findByRole('table', { name: 'Conversations' })).getByRole('link', { name }));
  return screen.findByRole('heading', { level: 1, name });
}

describe('the agent view on the demo backend', () => {
  test('lists the open conversations; the closed one under Closed', async () => {
    const { user } = renderApp();
    const table = await screen.findByRole('table', { name: 'Conversations' });
    const names = within(table).getAllByRole('link').map((link) => link.textContent);
    expect(names).toEqual(expect.arrayContaining(['Matti Virtanen', 'Olivia Brown', 'Jordan Lee']));
    expect(names).not.toContain('Sofia Lindqvist');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Closed');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Conversations' })).getAllByRole('link').map((l) => l.textContent)).toEqual(['Sofia Lindqvist']));
  });

  test('a reply inside the window goes out and shows in the history', async () => {
    const { user } = renderApp();
    await open(user, 'Olivia Brown');
    expect(screen.getByText(/You can reply freely for/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'I have refunded the second charge.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const log = await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() => expect(within(log).getAllByRole('article').at(-1)).toHaveTextContent('I have refunded the second charge.'));
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  });

  test('outside the window only a template can go, and it does', async () => {
    const { user } = renderApp();
    await open(user, 'Jordan Lee');
    expect(screen.getByText('This conversation has exceeded the 24 hour limit to respond to the customer.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(await within(log).findByText(/Not sent: The message could not be delivered for an unknown reason\./)).toBeInTheDocument();

    await screen.findByRole('combobox', { name: 'Template' });
    for (const [index, value] of ['Jordan', '#5120', 'Friday'].entries()) {
      await user.type(screen.getByRole('textbox', { name: `Value ${index + 1}` }), value);
    }
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(within(log).getAllByRole('article').at(-1)).toHaveTextContent('Template: order_update'));
    expect(within(log).getAllByRole('article').at(-1)).toHaveTextContent('Hi Jordan, your order #5120 has shipped and should arrive on Friday.');
  });

  test('the customer’s photo is shown with its alt text', async () => {
    const { user } = renderApp();
    await open(user, 'Matti Virtanen');
    const log = await screen.findByRole('log', { name: 'Messages' });
    const photo = await within(log).findByRole('img', { name: 'Image paketti.png sent by Matti Virtanen' });
    expect(photo.getAttribute('src')).toMatch(/^\/api\/media\//);
  });
});
