import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTestBackend, renderWithProviders } from '@/testing/render';
import { storeMessage } from '@/resources/conversation-cache';
import { aMessage, aReply, CONVERSATION_ID, HOUR, serveConversation, aConversation } from '../../../../testing/features/conversations';
import { MessageHistory } from './message-history';

/*
 * happy-dom lays nothing out and scrolls silently: here every row is 80 px tall, the log
 * shows 480 px of the list's height and scrolling tells the page, so the virtual list works as in a browser.
 */
const ROW_HEIGHT = 80;
const LOG_HEIGHT = 480;

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
// Each test, since the config restores mocks after every test.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.tagName === 'LI' ? ROW_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.getAttribute('role') === 'log' ? LOG_HEIGHT : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.getAttribute('role') === 'log' ? parseFloat(this.querySelector('ol')?.style.height ?? '0') : 0;
  });
  const scroll = Element.prototype.scrollTo;
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (this: Element, ...args: [number, number]) {
    scroll.apply(this, args);
    this.dispatchEvent(new Event('scroll'));
  });
});
afterEach(() => {
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

const start = Date.now() - 1000 * HOUR;
const longHistory = Array.from({ length: 1000 }, (_, n) =>
  (n % 3 === 0 ? aReply : aMessage)({ body: `Message ${n + 1}`, createdAt: new Date(start + n * HOUR).toISOString() }),
);

function renderHistory() {
  serveConversation(backend, aConversation(), longHistory);
  return renderWithProviders(<MessageHistory conversationId={CONVERSATION_ID} customer="Maria Virtanen" />);
}

const shownBodies = (log: HTMLElement) => within(log).queryAllByRole('article').map((article) => article.querySelector('p')?.textContent);

describe('a long message history', () => {
  test('renders only the rows near the view, and opens at the newest message', async () => {
    renderHistory();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() => expect(shownBodies(log)).toContain('Message 1000'));
    const rows = within(log).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(LOG_HEIGHT / ROW_HEIGHT);
    expect(rows.length).toBeLessThan(30);
    // Each row still says where it is among all the messages.
    expect(rows.at(-1)).toHaveAttribute('aria-posinset', '1000');
    expect(rows.at(-1)).toHaveAttribute('aria-setsize', '1000');
    expect(shownBodies(log)).not.toContain('Message 1');
  });

  test('a new message is followed while the reader is at the bottom, not while they read older ones', async () => {
    const { queryClient } = renderHistory();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await waitFor(() => expect(shownBodies(log)).toContain('Message 1000'));

    storeMessage(queryClient, aMessage({ body: 'Are you there?', createdAt: new Date().toISOString() }));
    await waitFor(() => expect(shownBodies(log)).toContain('Are you there?'));

    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(shownBodies(log)).toContain('Message 1'));
    storeMessage(queryClient, aMessage({ body: 'Hello?', createdAt: new Date().toISOString() }));
    await waitFor(() => expect(within(log).getAllByRole('listitem').at(-1)).toHaveAttribute('aria-setsize', '1002'));
    expect(shownBodies(log)).toContain('Message 1');
    expect(shownBodies(log)).not.toContain('Hello?');
  });
});
