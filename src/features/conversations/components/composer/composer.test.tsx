import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Conversation } from '@/api/contract/conversation';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { windowClosedBody } from '@/api/contract/problem-bodies';
import { expectNoAxeViolations } from '@/testing/axe';
import { createTestBackend, renderWithProviders } from '@/testing/render';
import { aConversation, CONVERSATION_ID, HOUR, serveConversation } from '../../../../testing/features/conversations';
import { Composer } from './composer';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  vi.useRealTimers();
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

const MINUTE = 60_000;
const ORDER_UPDATE_EN = 'c3061cba-f178-456b-8d6c-18239a1bfc0d';
const ORDER_UPDATE_FI = 'd4172dcb-0289-467c-9e7d-293a0b2c0d1e';

function renderComposer(conversation: Conversation) {
  const sent = serveConversation(backend, conversation);
  const rendered = renderWithProviders(
    <main>
      <h1>Maria Virtanen</h1>
      <Composer conversation={conversation} />
    </main>,
  );
  return { ...rendered, sent };
}

/** A conversation whose customer last wrote this long ago. */
const wroteAgo = (ms: number, overrides: Partial<Conversation> = {}) =>
  aConversation({ lastInboundAt: new Date(Date.now() - ms).toISOString(), ...overrides });

const outsideWindow = (overrides: Partial<Conversation> = {}) => wroteAgo(25 * HOUR, overrides);

/** Moves the fake clock a minute at a time: each tick sets the next timer only once React has rendered. */
async function passTime(ms: number) {
  for (let left = ms; left > 0; left -= MINUTE) await act(() => vi.advanceTimersByTimeAsync(Math.min(MINUTE, left)));
}

const referenceWording = 'This conversation has exceeded the 24 hour limit to respond to the customer.';

describe('the 24-hour window', () => {
  test('shows the time left, moves on each minute and turns into the template picker when it runs out', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-11-26T10:00:00.000Z'));
    renderComposer(wroteAgo(24 * HOUR - (61 * MINUTE + 30_000)));

    expect(screen.getByText('You can reply freely for 1 h 1 min more.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Reply' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();

    await passTime(25_000);
    expect(screen.getByText('You can reply freely for 1 h 1 min more.')).toBeInTheDocument();
    await passTime(6_000);
    expect(screen.getByText('You can reply freely for 1 h 0 min more.')).toBeInTheDocument();
    await passTime(59 * MINUTE);
    expect(screen.getByText('You can reply freely for 0 h 1 min more.')).toBeInTheDocument();
    await passTime(MINUTE);
    expect(screen.getByText('You can reply freely for less than a minute more.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();

    await passTime(MINUTE);
    expect(screen.getByRole('heading', { level: 2, name: 'Send a template' })).toBeInTheDocument();
    expect(screen.getByText(referenceWording)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: 'Template' })).toBeInTheDocument();
  });

  test('a reply the server refuses as outside the window switches to templates, says why, and keeps the text', async () => {
    const { user, sent } = renderComposer(wroteAgo(2 * HOUR));
    backend.server.use(
      http.post(`/api/conversations/${CONVERSATION_ID}/messages`, () =>
        HttpResponse.json(windowClosedBody(), { status: 422, headers: { 'content-type': PROBLEM_CONTENT_TYPE } }),
      ),
    );
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Checking your order now');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const heading = await screen.findByRole('heading', { level: 2, name: 'Send a template' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(referenceWording)).toBeInTheDocument();
    expect(screen.getByText('WhatsApp allows only approved templates until the customer writes again.')).toBeInTheDocument();
    expect(screen.getByText('What you typed is kept: it comes back when the customer writes again.')).toBeInTheDocument();
    expect(sent.messages).toEqual([]);
  });

  test('a reply Twilio refused as outside the window (63016) closes it despite our clock, says so, and the customer’s next message opens it', async () => {
    const refusedAt = new Date(Date.now() - 10 * MINUTE).toISOString();
    const { container, unmount } = renderComposer(wroteAgo(HOUR, { windowClosedByTwilioAt: refusedAt }));
    expect(screen.getByRole('heading', { level: 2, name: 'Send a template' })).toBeInTheDocument();
    expect(screen.getByText(referenceWording)).toBeInTheDocument();
    expect(screen.getByText(/Twilio refused the last reply \(error 63016\)/)).toBeInTheDocument();
    expect(screen.queryByText(/You can reply freely/)).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).not.toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: 'Template' })).toBeInTheDocument();
    await expectNoAxeViolations(container);

    unmount();
    renderComposer(wroteAgo(MINUTE, { windowClosedByTwilioAt: refusedAt }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
    expect(screen.getByText(/You can reply freely/)).toBeInTheDocument();
  });

  test('a conversation the customer never wrote in offers only templates, and says why', async () => {
    renderComposer(aConversation({ lastInboundAt: null }));
    expect(screen.getByText(referenceWording)).toBeInTheDocument();
    expect(screen.getByText(/The customer has not written in this conversation yet/)).toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: 'Template' })).toBeInTheDocument();
  });

  test('in Finnish, the time left and the reason are Finnish, the reference’s wording translated', async () => {
    await i18next.changeLanguage('fi');
    try {
      const { unmount } = renderComposer(wroteAgo(24 * HOUR - (5 * HOUR + 12 * MINUTE + 30_000)));
      expect(screen.getByText('Voit vastata vapaasti vielä 5 h 12 min.')).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: 'Viesti' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Lähetä' })).toBeInTheDocument();
      unmount();
      renderComposer(outsideWindow());
      expect(screen.getByText('Tämä keskustelu on ylittänyt 24 tunnin aikarajan, jonka kuluessa asiakkaalle voi vastata.')).toBeInTheDocument();
      expect(await screen.findByRole('combobox', { name: 'Viestimalli' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Lähetä viestimalli' })).toBeInTheDocument();
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  test('a closed conversation has no composer', () => {
    renderComposer(aConversation({ status: 'closed' }));
    expect(screen.getByText('This conversation is closed.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('a free-form reply', () => {
  test('Send without text or file says what is missing; Ctrl+Enter sends and empties the box', async () => {
    const { user, sent } = renderComposer(wroteAgo(HOUR));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Write a message, or attach a file.')).toBeInTheDocument();
    expect(sent.messages).toEqual([]);

    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'It ships today.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(sent.messages).toEqual([{ kind: 'text', body: 'It ships today.' }]));
    await waitFor(() => expect(box).toHaveValue(''));
  });

  test('a failed send keeps what was typed and says why', async () => {
    const { user, sent } = renderComposer(wroteAgo(HOUR));
    backend.server.use(
      http.post(
        `/api/conversations/${CONVERSATION_ID}/messages`,
        () => HttpResponse.json({ type: '/problems/server-error', title: 'Server error', status: 500 }, { status: 500, headers: { 'content-type': PROBLEM_CONTENT_TYPE } }),
        { once: true },
      ),
    );
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, 'Still there?');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(box).toHaveValue('Still there?');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sent.messages).toEqual([{ kind: 'text', body: 'Still there?' }]));
  });

  test('a reply over 1,600 characters (Twilio\'s limit) is refused before sending', async () => {
    const { user, sent } = renderComposer(wroteAgo(HOUR));
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.click(box);
    await user.paste('x'.repeat(1601));
    expect(screen.getByText('1601 / 1600 characters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Twilio sends at most 1,600 characters in a WhatsApp message. Split it into two.')).toBeInTheDocument();
    expect(sent.messages).toEqual([]);
  });
});

describe('attachments', () => {
  test('type and size are checked before any upload', async () => {
    const { sent } = renderComposer(wroteAgo(HOUR));
    // The browser's file dialog would hide other types; a drop or "All files" does not.
    const user = userEvent.setup({ applyAccept: false });
    const input = screen.getByLabelText('File to attach');

    await user.upload(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('WhatsApp accepts JPG, PNG, MP3, OGG, AMR, MP4 and PDF files.');

    await user.upload(input, new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'photo.png', { type: 'image/png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('WhatsApp accepts images of at most 5 MB.');

    await user.upload(input, new File([new Uint8Array(16 * 1024 * 1024 + 1)], 'video.mp4', { type: 'video/mp4' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('WhatsApp accepts files of at most 16 MB.');

    await user.upload(input, new File([], 'empty.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This file is empty.');
    expect(sent.uploads).toEqual([]);
  });

  test('a good file is uploaded with its name, can be removed, and goes with the message', async () => {
    const { user, sent } = renderComposer(wroteAgo(HOUR));
    const input = screen.getByLabelText('File to attach');
    const manual = new File(['%PDF-1.7 manual'], 'Käyttöohje 1.pdf', { type: 'application/pdf' });

    await user.upload(input, manual);
    expect(await screen.findByText(/^Attached: Käyttöohje 1\.pdf/)).toBeInTheDocument();
    expect(sent.uploads).toEqual([{ contentType: 'application/pdf', filename: 'K%C3%A4ytt%C3%B6ohje%201.pdf', size: manual.size }]);

    await user.click(screen.getByRole('button', { name: 'Remove Käyttöohje 1.pdf' }));
    expect(screen.queryByText(/^Attached:/)).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Attach file' })).toHaveFocus());

    await user.upload(input, manual);
    await screen.findByText(/^Attached: Käyttöohje 1\.pdf/);
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Here is the manual');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(sent.messages).toEqual([{ kind: 'text', body: 'Here is the manual', mediaId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }]),
    );
    await waitFor(() => expect(screen.queryByText(/^Attached:/)).not.toBeInTheDocument());
  });

  test('while a file uploads, a progress bar names it and Send waits for it', async () => {
    const { user, sent } = renderComposer(wroteAgo(HOUR));
    let finish = () => {};
    const held = new Promise<void>((resolve) => (finish = resolve));
    backend.server.use(
      http.post(`/api/conversations/${CONVERSATION_ID}/media`, async () => {
        await held;
        return HttpResponse.json({ id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', contentType: 'video/mp4', size: 4, filename: 'clip.mp4' }, { status: 201 });
      }),
    );
    await user.upload(screen.getByLabelText('File to attach'), new File(['mp4!'], 'clip.mp4', { type: 'video/mp4' }));
    expect(await screen.findByRole('progressbar', { name: 'Uploading clip.mp4…' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'The video');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent.messages).toEqual([]);

    finish();
    expect(await screen.findByText(/^Attached: clip\.mp4/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sent.messages).toEqual([{ kind: 'text', body: 'The video', mediaId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }]));
  });

  test('an upload the server refuses says why, and another file can be chosen', async () => {
    const { user } = renderComposer(wroteAgo(HOUR));
    backend.server.use(
      http.post(
        `/api/conversations/${CONVERSATION_ID}/media`,
        () =>
          HttpResponse.json(
            { type: '/problems/validation', title: 'Validation failed', status: 400, errors: [{ path: 'file', code: 'media.notAllowed', message: 'Agents may not send files in this workstream.' }] },
            { status: 400, headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
          ),
        { once: true },
      ),
    );
    await user.upload(screen.getByLabelText('File to attach'), new File(['png'], 'label.png', { type: 'image/png' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Agents may not send files in this workstream.');
    await user.upload(screen.getByLabelText('File to attach'), new File(['png'], 'label.png', { type: 'image/png' }));
    expect(await screen.findByText(/^Attached: label\.png/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('a file alone can be sent', async () => {
    const { user, sent } = renderComposer(wroteAgo(HOUR));
    await user.upload(screen.getByLabelText('File to attach'), new File(['png'], 'label.png', { type: 'image/png' }));
    await screen.findByText(/^Attached: label\.png/);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(sent.messages).toEqual([{ kind: 'text', body: '', mediaId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }]));
  });

  test('no attach button where the workstream does not let agents send files', () => {
    renderComposer(wroteAgo(HOUR, { attachments: { customersCanSend: true, agentsCanSend: false } }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Attach file' })).not.toBeInTheDocument();
  });
});

describe('the template picker', () => {
  test('offers only approved templates in the conversation’s language', async () => {
    renderComposer(outsideWindow());
    const select = await screen.findByRole('combobox', { name: 'Template' });
    // follow_up is pending and spring_offer rejected; the Finnish order_update is in another language.
    expect(within(select).getAllByRole('option').map((option) => [option.textContent, option.getAttribute('value')])).toEqual([
      ['order_update', ORDER_UPDATE_EN],
    ]);
  });

  test('every variable is required, the preview fills in as they are typed, and Send template sends them', async () => {
    const { user, sent } = renderComposer(outsideWindow());
    await screen.findByRole('combobox', { name: 'Template' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.');

    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(await screen.findAllByText('Fill in this variable.')).toHaveLength(3);
    expect(screen.getByRole('textbox', { name: 'Value 1' })).toHaveFocus();
    expect(sent.messages).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: 'Value 1' }), 'Maria');
    await user.type(screen.getByRole('textbox', { name: 'Value 2' }), '#4821');
    expect(preview).toHaveTextContent('Hi Maria, your order #4821 has shipped and should arrive on {{3}}.');
    await user.type(screen.getByRole('textbox', { name: 'Value 3' }), ' Friday ');
    expect(preview).toHaveTextContent('Hi Maria, your order #4821 has shipped and should arrive on Friday.');

    await user.click(screen.getByRole('button', { name: 'Send template' }));
    await waitFor(() => expect(sent.messages).toEqual([{ kind: 'template', templateId: ORDER_UPDATE_EN, variables: ['Maria', '#4821', 'Friday'] }]));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Value 1' })).toHaveValue(''));
  });

  test('a Finnish conversation gets the Finnish template', async () => {
    renderComposer(outsideWindow({ language: 'fi' }));
    const select = await screen.findByRole('combobox', { name: 'Template' });
    expect(within(select).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual([ORDER_UPDATE_FI]);
    expect(screen.getByRole('region', { name: 'Preview' })).toHaveTextContent('Hei {{1}}, tilauksesi {{2}} on lähetetty');
  });

  test('with no approved template in the customer’s language, it says so and offers nothing to send', async () => {
    renderComposer(outsideWindow({ language: 'sv' }));
    expect(await screen.findByText('No approved templates in Swedish')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send template' })).not.toBeInTheDocument();
  });

  test('the server’s field errors land on the fields, and what was typed stays', async () => {
    const { user } = renderComposer(outsideWindow());
    backend.server.use(
      http.post(`/api/conversations/${CONVERSATION_ID}/messages`, () =>
        HttpResponse.json(
          {
            type: '/problems/validation',
            title: 'Validation failed',
            status: 400,
            errors: [{ path: 'variables.1', code: 'variable.tooLong', message: 'Keep each variable to 1,024 characters or fewer.' }],
          },
          { status: 400, headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
        ),
      ),
    );
    await screen.findByRole('combobox', { name: 'Template' });
    for (const [index, value] of ['Maria', '#4821', 'Friday'].entries()) {
      await user.type(screen.getByRole('textbox', { name: `Value ${index + 1}` }), value);
    }
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    expect(await screen.findByText('Keep each variable to 1,024 characters or fewer.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Value 2' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Value 1' })).toHaveValue('Maria');
  });
});
