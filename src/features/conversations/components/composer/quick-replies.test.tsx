import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import type { Conversation, QuickReplyList } from '@/api/contract/conversation';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { aConversation, serveConversation } from '../../../../testing/features/conversations';
import { Composer } from './composer';

const backend = backendForThisFile('demo');

/** As the server answers them: in the conversation's language, filled in, an unset context variable left as written. */
const replies: QuickReplyList['items'] = [
  { id: '1b4e28ba-2fa1-4d2b-a3c1-000000000001', title: 'Greeting', text: 'Hello Maria, Eero here. How can I help?' },
  { id: '1b4e28ba-2fa1-4d2b-a3c1-000000000002', title: 'Shipping time', text: 'Orders ship within two working days.' },
  { id: '1b4e28ba-2fa1-4d2b-a3c1-000000000003', title: 'Order status', text: 'Your order {{orderNumber}} is on its way.' },
];

function renderComposer(conversation: Conversation = aConversation(), items = replies) {
  const sent = serveConversation(backend, conversation, [], items);
  return { ...renderWithProviders(<main><h1>Maria Virtanen</h1><Composer conversation={conversation} /></main>), sent };
}

const messageBox = () => screen.getByRole('textbox', { name: 'Message' });
const options = () => within(screen.getByRole('listbox', { name: 'Quick replies' })).getAllByRole('option');

describe('quick replies in the composer', () => {
  test('the button opens a search; typing filters, arrow keys choose, Enter inserts at the caret', async () => {
    const { user } = renderComposer();
    await user.type(messageBox(), 'Hi! ');
    await user.click(await screen.findByRole('button', { name: 'Quick replies' }));
    const search = screen.getByRole('combobox', { name: 'Search quick replies' });
    expect(search).toHaveFocus();
    expect(options().map((option) => option.textContent)).toEqual([
      'GreetingHello Maria, Eero here. How can I help?',
      'Shipping timeOrders ship within two working days.',
      'Order statusYour order {{orderNumber}} is on its way.',
    ]);
    await user.keyboard('order');
    expect(options().map((option) => option.textContent?.split('Your')[0]?.split('Orders')[0])).toEqual(['Shipping time', 'Order status']);
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', options()[1]!.id);
    await user.keyboard('{ArrowUp}{Enter}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(messageBox()).toHaveValue('Hi! Orders ship within two working days.');
    await waitFor(() => expect(messageBox()).toHaveFocus());
  });

  test('Escape closes the search and gives focus back to the button; a search without matches says so', async () => {
    const { user } = renderComposer();
    const button = await screen.findByRole('button', { name: 'Quick replies' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('refund');
    expect(screen.getByRole('status')).toHaveTextContent('No quick reply matches.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  test('"/" at the start of the reply opens the picker, filtered by what follows; Enter puts the reply in place of "/query"', async () => {
    const { user, sent } = renderComposer();
    await screen.findByRole('button', { name: 'Quick replies' });
    await user.type(messageBox(), '/');
    expect(options()).toHaveLength(3);
    await user.keyboard('ship');
    expect(options().map((option) => option.textContent)).toEqual(['Shipping timeOrders ship within two working days.']);
    expect(messageBox()).toHaveAttribute('aria-activedescendant', options()[0]!.id);
    await user.keyboard('{Enter}');
    expect(messageBox()).toHaveValue('Orders ship within two working days.');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(sent.messages).toEqual([{ kind: 'text', body: 'Orders ship within two working days.' }]));
  });

  test('a "/" typed before the quick replies arrive opens the picker when they do', async () => {
    let release = () => {};
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const { user } = renderComposer();
    backend.server.use(
      http.get('*/api/conversations/:id/quick-replies', async () => {
        await arrived;
        return HttpResponse.json({ items: replies });
      }),
    );
    await user.type(messageBox(), '/');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    release();
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(messageBox()).toHaveFocus();
  });

  test('"/" after a line break opens it too; in the middle of a line it is only a slash; Escape dismisses it', async () => {
    const { user } = renderComposer();
    await screen.findByRole('button', { name: 'Quick replies' });
    await user.type(messageBox(), 'and/or');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.type(messageBox(), '{Shift>}{Enter}{/Shift}/gree');
    expect(options().map((option) => option.textContent)).toEqual(['GreetingHello Maria, Eero here. How can I help?']);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('t');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(messageBox()).toHaveValue('and/or\n/greet');
  });

  test('a reply with a variable the bot did not set gets a visible hint before sending', async () => {
    const { user } = renderComposer();
    await screen.findByRole('button', { name: 'Quick replies' });
    expect(screen.queryByText(/without a value/)).not.toBeInTheDocument();
    await user.type(messageBox(), '/status{Enter}');
    expect(messageBox()).toHaveValue('Your order {{orderNumber}} is on its way.');
    const hint = screen.getByText('The reply still has {{orderNumber}} without a value. Replace it before sending.');
    expect(messageBox().getAttribute('aria-describedby')).toContain(hint.closest('[id]')!.id);
    await expectNoAxeViolations();
  });

  test('without quick replies there is no button and "/" is just a slash', async () => {
    const { user } = renderComposer(aConversation(), []);
    await user.type(messageBox(), '/ship');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Quick replies' })).not.toBeInTheDocument();
  });

  test('the open picker has no axe violations', async () => {
    const { user } = renderComposer();
    await user.click(await screen.findByRole('button', { name: 'Quick replies' }));
    await screen.findByRole('listbox', { name: 'Quick replies' });
    await expectNoAxeViolations();
  });
});
