import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import type { Conversation } from '@/api/contract/conversation';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { backendForThisFile, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { aConversation, aMessage, aReply, CONVERSATION_ID, serveConversation } from '../../../../testing/features/conversations';
import { ConversationPage } from './conversation-page';

const backend = backendForThisFile('demo');

const base = `/api/conversations/${CONVERSATION_ID}`;

/** The page's header: inside <main> it is no landmark, so it is found from its heading. */
const details = () => screen.getByRole('heading', { level: 1 }).closest('header')!;

function renderPage(conversation: Conversation = aConversation(), messages = [aMessage({ body: 'Where is my order?' })]) {
  const sent = serveConversation(backend, conversation, messages);
  return { ...renderWithProviders(<main><ConversationPage conversationId={conversation.id} /></main>), sent };
}

/** Answers accept/close with the conversation as the action leaves it, noting the versions sent. */
function serveAction(action: 'accept' | 'close', result: Conversation) {
  const versions: unknown[] = [];
  backend.server.use(
    http.post(`${base}/${action}`, async ({ request }) => {
      versions.push(await request.json());
      backend.server.use(http.get(base, () => HttpResponse.json(result)));
      return HttpResponse.json(result);
    }),
  );
  return versions;
}

describe('Conversation screen', () => {
  test('the header names the customer and where the conversation is', async () => {
    renderPage(aConversation({ assigneeName: null }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Maria Virtanen' })).toBeInTheDocument();
    const header = details();
    for (const text of ['Customer number+358401234567', 'Business number+14155238886', 'QueueGeneral support', 'WorkstreamWhatsApp customer support', 'AssigneeUnassigned', 'LanguageEnglish']) {
      expect(header).toHaveTextContent(text);
    }
    expect(header).toHaveTextContent('Open');
    expect(document.title).toMatch(/^Maria Virtanen – /);
  });

  test('messages: author, time, text, template, ticks, images with alt text and files to download', async () => {
    renderPage(aConversation(), [
      aMessage({ body: 'Here is the label', media: [{ id: 'm1', contentType: 'image/jpeg', url: '/api/media/m1', filename: 'label.jpg', size: 2048 }] }),
      aReply({ body: 'Thanks! Our manual:', status: 'read', media: [{ id: 'm2', contentType: 'application/pdf', url: '/api/media/m2', filename: 'manual.pdf', size: 3 * 1024 * 1024 }] }),
      aReply({ body: 'Hi Maria, your order #1 has shipped.', status: 'delivered', template: { templateId: null, name: 'order_update', contentSid: null, variables: ['Maria', '#1'] } }),
      aMessage({ direction: 'outbound', author: 'automated', body: 'Thanks for writing!', status: 'failed', errorCode: '63015' }),
    ]);
    const log = await screen.findByRole('log', { name: 'Messages' });
    const messages = within(log).getAllByRole('article');
    expect(messages.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Message from Maria Virtanen',
      'Message from Eero Agent',
      'Message from Eero Agent',
      'Message from Automated message',
    ]);
    const [image, file, template, automated] = messages as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(image).getByRole('img', { name: 'Image label.jpg sent by Maria Virtanen' })).toHaveAttribute('src', '/api/media/m1');
    expect(within(image).queryByRole('img', { name: /Sent|Read/ })).not.toBeInTheDocument();
    expect(within(file).getByRole('link', { name: 'Download manual.pdf (3 MB)' })).toHaveAttribute('href', '/api/media/m2');
    expect(within(file).getByRole('img', { name: 'Read' })).toBeInTheDocument();
    expect(template).toHaveTextContent('Template: order_update');
    expect(within(template).getByRole('img', { name: 'Delivered' })).toBeInTheDocument();
    expect(automated).toHaveTextContent('Not sent: This customer has not joined the Twilio sandbox.');
    expect(within(image).getByText(/\d{4}/, { selector: 'time' })).toHaveAttribute('datetime');
  });

  test('older messages load above the newer ones', async () => {
    const requests: (string | null)[] = [];
    const { user } = renderPage();
    backend.server.use(
      http.get(`${base}/messages`, ({ request }) => {
        const before = new URL(request.url).searchParams.get('before');
        requests.push(before);
        return before === 'page-2'
          ? HttpResponse.json({ items: [aMessage({ body: 'First ever' })], previousCursor: null })
          : HttpResponse.json({ items: [aMessage({ body: 'Latest' })], previousCursor: 'page-2' });
      }),
    );
    const log = await screen.findByRole('log', { name: 'Messages' });
    await user.click(await screen.findByRole('button', { name: 'Load older messages' }));
    await waitFor(() => expect(within(log).getAllByRole('article').map((a) => a.textContent)).toEqual([expect.stringContaining('First ever'), expect.stringContaining('Latest')]));
    expect(requests).toEqual([null, 'page-2']);
    expect(screen.queryByRole('button', { name: 'Load older messages' })).not.toBeInTheDocument();
  });

  test('Accept takes an unassigned conversation of a pick workstream, with the version seen', async () => {
    const { user } = renderPage(aConversation({ version: 3 }));
    const versions = serveAction('accept', aConversation({ version: 4, assigneeId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', assigneeName: 'Aino Admin' }));
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText('You now handle the conversation with Maria Virtanen.')).toBeInTheDocument();
    expect(versions).toEqual([{ version: 3 }]);
    expect(details()).toHaveTextContent('AssigneeAino Admin');
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
  });

  test('no Accept in push mode or once assigned', async () => {
    const { unmount } = renderPage(aConversation({ distributionMode: 'push' }));
    expect(await screen.findByRole('button', { name: 'Close conversation' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    unmount();
    renderPage(aConversation({ assigneeId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', assigneeName: 'Eero Agent' }));
    expect(await screen.findByRole('button', { name: 'Close conversation' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
  });

  test('someone else accepted first: the conflict is said, and Reload shows who', async () => {
    const { user } = renderPage(aConversation({ version: 3 }));
    backend.server.use(
      http.post(`${base}/accept`, () => {
        backend.server.use(http.get(base, () => HttpResponse.json(aConversation({ version: 4, assigneeId: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', assigneeName: 'Eero Agent' }))));
        return HttpResponse.json(
          { type: '/problems/version-conflict', title: 'Conflict', status: 409, detail: 'The conversation was changed.' },
          { status: 409, headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
        );
      }),
    );
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    expect(await screen.findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(details()).toHaveTextContent('AssigneeEero Agent'));
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
  });

  test('Close asks first, says the survey goes out, then closes', async () => {
    const { user } = renderPage(aConversation({ version: 5 }));
    const versions = serveAction('close', aConversation({ version: 6, status: 'closed', closedAt: new Date().toISOString() }));
    await user.click(await screen.findByRole('button', { name: 'Close conversation' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Close the conversation with Maria Virtanen?' });
    expect(dialog).toHaveTextContent('If a post-conversation survey is set up for this workstream, it is sent to the customer now.');
    await user.click(within(dialog).getByRole('button', { name: 'Close conversation' }));
    expect(await screen.findByText('The conversation with Maria Virtanen was closed.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(versions).toEqual([{ version: 5 }]);
    expect(screen.getByText('This conversation is closed.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close conversation' })).not.toBeInTheDocument();
  });

  test('Cancel keeps the conversation open', async () => {
    const { user } = renderPage();
    const versions = serveAction('close', aConversation({ status: 'closed' }));
    await user.click(await screen.findByRole('button', { name: 'Close conversation' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(versions).toEqual([]);
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
  });

  test('a reply appears in the history at once, with its clock until Twilio has it', async () => {
    const { user } = renderPage();
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), 'It ships today.');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const log = screen.getByRole('log', { name: 'Messages' });
    const reply = await within(log).findByRole('article', { name: 'Message from Eero Agent' });
    expect(reply).toHaveTextContent('It ships today.');
    expect(within(reply).getByRole('img', { name: 'Waiting to be sent' })).toBeInTheDocument();
  });

  test('an unknown conversation says so', async () => {
    backend.server.use(
      http.get(`/api/conversations/${CONVERSATION_ID}`, () =>
        HttpResponse.json({ type: '/problems/not-found', title: 'Not found', status: 404 }, { status: 404, headers: { 'content-type': PROBLEM_CONTENT_TYPE } }),
      ),
    );
    renderWithProviders(<main><ConversationPage conversationId={CONVERSATION_ID} /></main>);
    expect(await screen.findByText('This item does not exist any more. Someone may have deleted it.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Conversations' })).toBeInTheDocument();
  });
});
