import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Conversation } from '@/api/contract/conversation';
import { changeLanguage } from '@/i18n/i18n';
import { expectNoAxeViolations } from '@/testing/axe';
import { createTestBackend, renderWithProviders } from '@/testing/render';
import { aConversation, aMessage, HOUR, serveConversation } from '../../../../testing/features/conversations';
import { ConversationPage } from './conversation-page';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  backend.server.resetHandlers();
  backend.db.reset();
  await changeLanguage('en');
});
afterAll(() => backend.server.close());

const handedOverAt = new Date(Date.now() - HOUR / 2).toISOString();

/** A conversation the bot handed to agents after two turns, with what it learnt. */
const handedOver = (overrides: Partial<Conversation> = {}) =>
  aConversation({
    bot: { name: 'Menu bot', active: false, turns: 2, handoff: { reason: 'requested', detail: 'Customer wants billing help', at: handedOverAt } },
    contextVariables: { orderNumber: '12345', topic: 'billing' },
    ...overrides,
  });

const withTheBot = () =>
  aConversation({ distributionMode: 'push', waitReason: 'bot', bot: { name: 'Menu bot', active: true, turns: 1, handoff: null } });

const botMessage = () => aMessage({ direction: 'outbound', author: 'bot', authorName: 'Menu bot', body: 'Choose 1 for billing, 2 for orders.', status: 'delivered' });

const handoverNote = (params: Record<string, string>) =>
  aMessage({ direction: 'note', author: 'system', status: 'note', body: 'English sentence', note: { code: 'botHandedOver', params } });

function renderPage(conversation: Conversation, messages = [aMessage({ body: 'Hi' })]) {
  serveConversation(backend, conversation, messages);
  return renderWithProviders(
    <main>
      <ConversationPage conversationId={conversation.id} />
    </main>,
  );
}

describe('The bot’s part of a conversation', () => {
  test('the bot’s messages are outbound, under its name, with a Bot badge that tells them from agents’ and automated ones', async () => {
    renderPage(handedOver(), [
      aMessage({ body: 'Hi' }),
      botMessage(),
      aMessage({ direction: 'outbound', author: 'automated', body: 'Thanks for writing!', status: 'sent' }),
      aMessage({ direction: 'outbound', author: 'agent', authorName: 'Eero Agent', body: 'Hello, Eero here.', status: 'sent' }),
    ]);
    const log = await screen.findByRole('log', { name: 'Messages' });
    const messages = within(log).getAllByRole('article');
    expect(messages.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Message from Maria Virtanen',
      'Message from the bot Menu bot',
      'Message from Automated message',
      'Message from Eero Agent',
    ]);
    const [, bot, automated, agent] = messages as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(bot).toHaveTextContent('Menu bot');
    expect(within(bot).getByText('Bot')).toBeInTheDocument();
    expect(within(bot).getByRole('img', { name: 'Delivered' })).toBeInTheDocument();
    expect(within(automated).queryByText('Bot')).not.toBeInTheDocument();
    expect(within(agent).queryByText('Bot')).not.toBeInTheDocument();
  });

  test('the hand-off note is worded per reason and with the bot’s detail, in Finnish too', async () => {
    renderPage(handedOver(), [
      handoverNote({ bot: 'Menu bot', queue: 'Billing', reason: 'requested', detail: 'Customer wants billing help' }),
      handoverNote({ bot: 'Menu bot', queue: 'General support', reason: 'timeout', detail: '' }),
      handoverNote({ bot: 'Menu bot', queue: 'General support', reason: 'httpError', detail: 'HTTP 500' }),
    ]);
    expect(await screen.findByText('Menu bot handed the conversation to agents in the queue Billing: the bot asked for an agent (Customer wants billing help).')).toBeInTheDocument();
    expect(screen.getByText('Menu bot handed the conversation to agents in the queue General support: the bot did not answer within 5 seconds.')).toBeInTheDocument();
    expect(screen.getByText('Menu bot handed the conversation to agents in the queue General support: the bot answered with an error (HTTP 500).')).toBeInTheDocument();
    await changeLanguage('fi');
    expect(await screen.findByText('Menu bot siirsi keskustelun asiakaspalvelijoille jonoon Billing: botti pyysi asiakaspalvelijaa (Customer wants billing help).')).toBeInTheDocument();
    expect(screen.getByText('Menu bot siirsi keskustelun asiakaspalvelijoille jonoon General support: botti ei vastannut 5 sekunnissa.')).toBeInTheDocument();
  });

  test('while the bot has it, the waiting notice says so and names the bot', async () => {
    renderPage(withTheBot(), [aMessage({ body: 'Hi' }), botMessage()]);
    expect(await screen.findByText('With Menu bot')).toBeInTheDocument();
    expect(screen.getByText(/The bot is answering; agents get it when it hands over\./)).toBeInTheDocument();
    expect(screen.queryByText(/Entered the queue/)).not.toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'Bot and context' });
    expect(panel).toHaveTextContent('The bot is answering the customer now.');
    expect(panel).toHaveTextContent('Context variablesNone set');
    expect(within(panel).queryByText('Reason')).not.toBeInTheDocument();
  });

  test('the panel shows the hand-off in words, the bot’s detail, when, and the context variables', async () => {
    renderPage(handedOver());
    const panel = await screen.findByRole('region', { name: 'Bot and context' });
    for (const text of ['BotMenu bot', 'Messages the bot answered2', 'Reasonthe bot asked for an agent', 'The bot’s words or what went wrongCustomer wants billing help', 'orderNumber12345', 'topicbilling']) {
      expect(panel).toHaveTextContent(text);
    }
    expect(within(panel).getByText(/\d{4}/, { selector: 'time' })).toHaveAttribute('datetime', handedOverAt);
    expect(screen.queryByText('With Menu bot')).not.toBeInTheDocument();
  });

  test('a failure without detail says none was given; a conversation without a bot or variables has no panel', async () => {
    const { unmount } = renderPage(handedOver({ contextVariables: {}, bot: { name: 'Menu bot', active: false, turns: 0, handoff: { reason: 'unreachable', detail: null, at: handedOverAt } } }));
    const panel = await screen.findByRole('region', { name: 'Bot and context' });
    expect(panel).toHaveTextContent('Reasonthe bot could not be reached');
    expect(panel).toHaveTextContent('The bot’s words or what went wrongNone given');
    expect(panel).toHaveTextContent('None set');
    unmount();
    renderPage(aConversation());
    await screen.findByRole('heading', { level: 1, name: 'Maria Virtanen' });
    expect(screen.queryByRole('region', { name: 'Bot and context' })).not.toBeInTheDocument();
  });

  test('the screen with the bot’s messages, notice and panel has no axe violations', async () => {
    renderPage(withTheBot(), [aMessage({ body: 'Hi' }), botMessage(), handoverNote({ bot: 'Menu bot', queue: 'Billing', reason: 'malformed', detail: 'not JSON' })]);
    await screen.findByText('With Menu bot');
    await screen.findByRole('article', { name: 'Message from the bot Menu bot' });
    await expectNoAxeViolations();
  });
});
