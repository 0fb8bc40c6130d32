import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import type { Conversation, TransferTargets } from '@/api/contract/conversation';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { capacityFullBody, fieldError, validationProblemBody } from '@/api/contract/problem-bodies';
import { changeLanguage } from '@/i18n/i18n';
import { expectNoAxeViolations } from '@/testing/axe';
import { backendForThisFile, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { aConversation, aMessage, CONVERSATION_ID, HOUR, serveConversation } from '../../../../testing/features/conversations';
import { ConversationPage } from './conversation-page';

const backend = backendForThisFile('demo');

const base = `/api/conversations/${CONVERSATION_ID}`;
const problem = (body: object, status: number) => HttpResponse.json(body, { status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } });

function renderPage(conversation: Conversation, messages = [aMessage()]) {
  serveConversation(backend, conversation, messages);
  return renderWithProviders(
    <main>
      <ConversationPage conversationId={conversation.id} />
    </main>,
  );
}

/** Answers an action with the conversation as it leaves it, noting the bodies sent. */
function serveAction(action: 'accept' | 'transfer' | 'release', answer: () => Response) {
  const bodies: unknown[] = [];
  backend.server.use(
    http.post(`${base}/${action}`, async ({ request }) => {
      bodies.push(await request.json());
      return answer();
    }),
  );
  return bodies;
}

/** Where the conversation may go, as the server would answer for its assignee or an administrator. */
const targets: TransferTargets = {
  queues: [
    { id: demoIds.billingQueue, name: 'Billing', open: true },
    { id: demoIds.finnishQueue, name: 'Finnish customers', open: false },
    { id: demoIds.generalQueue, name: 'General support', open: true },
  ],
  agents: [
    { id: demoIds.ainoAgent, name: 'Aino Virtanen', presence: 'available', eligible: true, refusal: null },
    { id: demoIds.priyaAgent, name: 'Priya Patel', presence: 'available', eligible: false, refusal: 'capacity' },
    { id: demoIds.samAgent, name: 'Sam Taylor', presence: 'busy', eligible: false, refusal: 'presence' },
  ],
};

function serveTargets() {
  let asked = 0;
  backend.server.use(
    http.get(`${base}/transfer-targets`, () => {
      asked += 1;
      return HttpResponse.json(targets);
    }),
  );
  return { asked: () => asked };
}

/** The demo signs in its administrator; these tests may be Eero, an agent, instead. */
const signInAsEero = () =>
  backend.db.write((draft) => {
    draft.session.userId = demoIds.agentUser;
  });

/** Assigned to the demo's signed-in administrator's colleague Eero, in push mode. */
const assigned = (overrides: Partial<Conversation> = {}) =>
  aConversation({ distributionMode: 'push', assigneeId: demoIds.agentUser, assigneeName: 'Eero Agent', ...overrides });

describe('Conversation screen: waiting, notes, transfer and release', () => {
  test('an unassigned conversation says why it waits and since when', async () => {
    renderPage(aConversation({ distributionMode: 'push', waitReason: 'outOfHours', queueName: 'Billing', queuedAt: new Date(Date.now() - 2 * HOUR).toISOString() }));
    expect(await screen.findByText('Waits for opening hours')).toBeInTheDocument();
    expect(screen.getByText(/The queue Billing is closed now/)).toBeInTheDocument();
    expect(screen.getByText('Entered the queue 2 hours ago.')).toBeInTheDocument();
  });

  test('each wait reason has its own words; an assigned conversation does not wait', async () => {
    const { unmount } = renderPage(aConversation({ distributionMode: 'push', waitReason: 'noAgent' }));
    expect(await screen.findByText('Waits for an agent with room')).toBeInTheDocument();
    unmount();
    const second = renderPage(aConversation({ waitReason: 'pick' }));
    expect(await screen.findByText('Waits to be picked')).toBeInTheDocument();
    second.unmount();
    renderPage(assigned());
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/^Waits /)).not.toBeInTheDocument();
  });

  test('notes are centred system lines worded from their code in the reader’s language, not the English body', async () => {
    const note = aMessage({
      direction: 'note',
      author: 'system',
      status: 'note',
      body: 'Aino Admin transferred the conversation to the queue Billing.',
      note: { code: 'transferredToQueue', params: { by: 'Aino Admin', queue: 'Billing' } },
    });
    const skipped = aMessage({ direction: 'note', author: 'system', status: 'note', body: 'English only', note: { code: 'agentAssignedSkipped', params: { agent: 'Eero Agent' } } });
    renderPage(assigned(), [aMessage(), note, skipped]);
    const log = await screen.findByRole('log', { name: 'Messages' });
    const notes = await within(log).findAllByRole('article', { name: 'Note' });
    expect(notes[0]).toHaveTextContent('Aino Admin transferred the conversation to the queue Billing.');
    expect(notes[1]).toHaveTextContent('The “agent assigned” message was not sent to the customer: the 24-hour window had closed.');
    // No delivery ticks: a note is never sent.
    expect(within(notes[0]!).queryByRole('img')).not.toBeInTheDocument();

    await changeLanguage('fi');
    await waitFor(() => expect(notes[0]).toHaveTextContent('Aino Admin siirsi keskustelun jonoon Billing.'));
  });

  test('Transfer to a queue sends the version and the queue; the answer shows and is announced', async () => {
    const moved = assigned({ assigneeId: null, assigneeName: null, distributionMode: 'push', queueId: demoIds.billingQueue, queueName: 'Billing', version: 4 });
    const bodies = serveAction('transfer', () => HttpResponse.json(moved));
    serveTargets();
    const { user } = renderPage(assigned());
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer the conversation' });
    expect(within(dialog).getByRole('radio', { name: 'A queue' })).toBeChecked();
    const queue = await within(dialog).findByRole('combobox', { name: 'Queue' });
    // The queue it is in now is not offered; one closed now says so.
    await within(queue).findByRole('option', { name: 'Billing' });
    expect(within(queue).getByRole('option', { name: 'Finnish customers (closed now)' })).toBeInTheDocument();
    expect(within(queue).queryByRole('option', { name: /General support/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(await within(dialog).findByText('Choose a queue.')).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await user.selectOptions(queue, 'Billing');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(await screen.findByText('The conversation with Maria Virtanen was transferred to Billing.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(bodies).toEqual([{ version: 3, to: { kind: 'queue', queueId: demoIds.billingQueue } }]);
  });

  test('Transfer to an agent: presences and why one cannot take it now are shown, and the server’s refusal is said on the agent', async () => {
    const bodies = serveAction('transfer', () => problem(validationProblemBody([fieldError('to.userId', 'agent.full')]), 422));
    serveTargets();
    const { user } = renderPage(assigned());
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer the conversation' });
    await user.click(within(dialog).getByRole('radio', { name: 'An agent' }));
    const agent = await within(dialog).findByRole('combobox', { name: 'Agent' });
    const options = within(agent).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual([
      'Choose an agent',
      'Aino Virtanen (Available)',
      'Priya Patel (Available, no room)',
      'Sam Taylor (Busy, presence not allowed here)',
    ]);
    await user.selectOptions(agent, 'Aino Virtanen (Available)');
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));

    // Aino filled up meanwhile: the server's answer is what counts.
    expect(await within(dialog).findByText('This agent has no room for another conversation now.')).toBeInTheDocument();
    expect(agent).toHaveAttribute('aria-invalid', 'true');
    expect(agent).toHaveFocus();
    expect(bodies).toEqual([{ version: 3, to: { kind: 'agent', userId: demoIds.ainoAgent } }]);
  });

  test('the agent holding it transfers it to a colleague; the reasons are in Finnish too', async () => {
    signInAsEero();
    const moved = assigned({ assigneeId: demoIds.ainoAgent, assigneeName: 'Aino Virtanen', version: 4 });
    const bodies = serveAction('transfer', () => HttpResponse.json(moved));
    const served = serveTargets();
    const { user } = renderPage(assigned());
    await user.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer the conversation' });
    await user.click(within(dialog).getByRole('radio', { name: 'An agent' }));
    const agent = await within(dialog).findByRole('combobox', { name: 'Agent' });
    expect(served.asked()).toBe(1);
    await changeLanguage('fi');
    expect(await within(agent).findByRole('option', { name: 'Priya Patel (Saatavilla, ei tilaa)' })).toBeInTheDocument();
    await changeLanguage('en');
    await user.selectOptions(agent, await within(agent).findByRole('option', { name: 'Aino Virtanen (Available)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    expect(await screen.findByText('The conversation with Maria Virtanen was transferred to Aino Virtanen.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(bodies).toEqual([{ version: 3, to: { kind: 'agent', userId: demoIds.ainoAgent } }]);
  });

  test('an agent who does not hold it is offered no Transfer', async () => {
    signInAsEero();
    renderPage(assigned({ assigneeId: demoIds.ainoAgent, assigneeName: 'Aino Virtanen' }));
    expect(await screen.findByRole('button', { name: 'Close conversation' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Transfer' })).not.toBeInTheDocument();
  });

  test('Release asks first, then sends the version; the conversation goes back to its queue', async () => {
    const released = assigned({ assigneeId: null, assigneeName: null, waitReason: 'noAgent', version: 4 });
    const bodies = serveAction('release', () => HttpResponse.json(released));
    const { user } = renderPage(assigned());
    await user.click(await screen.findByRole('button', { name: 'Release' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Release the conversation with Maria Virtanen?' });
    expect(confirm).toHaveTextContent('It goes back to the queue General support');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(bodies).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Release' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Release' }));
    expect(await screen.findByText('The conversation with Maria Virtanen is back in General support.')).toBeInTheDocument();
    expect(bodies).toEqual([{ version: 3 }]);
    expect(await screen.findByText('Waits for an agent with room')).toBeInTheDocument();
  });

  test('an unassigned conversation has no Release; Accept without room says so in words, in Finnish too', async () => {
    serveAction('accept', () => problem(capacityFullBody(), 409));
    const { user } = renderPage(aConversation());
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText(/You have no room for another conversation now/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Release' })).not.toBeInTheDocument();
    await changeLanguage('fi');
    expect(await screen.findByText(/Sinulla ei nyt ole tilaa uudelle keskustelulle/)).toBeInTheDocument();
  });

  test('the screen with its waiting notice and notes has no axe violations', async () => {
    const note = aMessage({ direction: 'note', author: 'system', status: 'note', body: 'x', note: { code: 'released', params: { by: 'Eero Agent', queue: 'General support' } } });
    renderPage(aConversation({ distributionMode: 'push', waitReason: 'noAgent' }), [aMessage(), note]);
    await screen.findByText('Waits for an agent with room');
    await screen.findByRole('article', { name: 'Note' });
    await expectNoAxeViolations();
  });
});
