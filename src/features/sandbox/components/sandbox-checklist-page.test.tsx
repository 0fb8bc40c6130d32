import { screen, waitFor, within } from '@testing-library/react';
import i18next from 'i18next';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { validationProblemBody, fieldError } from '@/api/contract/problem-bodies';
import { PROBLEM_CONTENT_TYPE } from '@/api/contract/problem';
import { fi } from '@/i18n/fi';
import { createTestBackend, demoIds, renderWithProviders } from '@/testing/render';
import { installScriptedEventSource } from '@/testing/scripted-event-source';
import { SandboxChecklistPage } from './sandbox-checklist-page';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await i18next.changeLanguage('en');
  backend.server.resetHandlers();
  backend.db.reset();
  vi.unstubAllGlobals();
});
afterAll(() => backend.server.close());

async function renderPage(accountId: string = demoIds.sandboxAccount) {
  const rendered = renderWithProviders(
    <main>
      <SandboxChecklistPage accountId={accountId} />
    </main>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Twilio sandbox checklist' });
  return rendered;
}

const step = (name: RegExp) => screen.getByRole('listitem', { name });

/** The sandbox account as a freshly connected one: no code saved, no message yet. */
function freshSandbox() {
  backend.db.write((draft) => {
    const sandbox = draft.sandboxes.find((s) => s.accountId === demoIds.sandboxAccount)!;
    sandbox.joinCode = null;
    sandbox.firstInboundAt = null;
  });
}

describe('the sandbox checklist', () => {
  test('shows the join message, the two addresses to paste with the local-address warning, and a green live check', async () => {
    await renderPage();
    const join = step(/^1\. Share the join code/);
    expect(within(join).getByRole('textbox', { name: 'Message to send' })).toHaveValue('join bright-harbor');
    expect(within(join).getByText('Done')).toBeInTheDocument();

    const webhook = step(/^2\. Connect the sandbox/);
    expect(within(webhook).getByRole('textbox', { name: 'Inbound URL' })).toHaveValue(
      `${location.origin}/webhooks/twilio/whatsapp/${demoIds.sandboxAccount}`,
    );
    expect(within(webhook).getByRole('textbox', { name: 'Status callback URL' })).toHaveValue(
      `${location.origin}/webhooks/twilio/status/${demoIds.sandboxAccount}`,
    );
    expect(screen.getByText(/These addresses point to this computer/)).toBeInTheDocument();

    const live = step(/^3\. Send the first message/);
    expect(within(live).getByRole('status')).toHaveTextContent(/The first message arrived .+\. The sandbox works\./);
  });

  test('the copy button puts the inbound URL on the clipboard and says so', async () => {
    // user-event puts a clipboard of its own in place, which can be read back.
    const { user } = await renderPage();
    await user.click(screen.getByRole('button', { name: 'Copy inbound URL' }));
    expect(await navigator.clipboard.readText()).toBe(`${location.origin}/webhooks/twilio/whatsapp/${demoIds.sandboxAccount}`);
    expect(within(step(/^2\./)).getAllByText('Copied').length).toBeGreaterThan(0);
  });

  test('names the two addresses as the account wizard and the account page do, in Finnish too', async () => {
    await i18next.changeLanguage('fi');
    renderWithProviders(
      <main>
        <SandboxChecklistPage accountId={demoIds.sandboxAccount} />
      </main>,
    );
    const webhook = await screen.findByRole('listitem', { name: /^2\./ });
    expect(within(webhook).getByRole('textbox', { name: fi.callback.inboundUrl })).toBeInTheDocument();
    expect(within(webhook).getByRole('textbox', { name: fi.callback.statusUrl })).toBeInTheDocument();
    expect(within(webhook).getByRole('button', { name: fi.callback.copyInbound })).toBeInTheDocument();
    expect(within(webhook).getByRole('button', { name: fi.callback.copyStatus })).toBeInTheDocument();
  });

  test('waits for the first message and turns green when its live event arrives, without a reload', async () => {
    const stream = installScriptedEventSource();
    freshSandbox();
    await renderPage();
    stream.latest().open();
    const live = step(/^3\. Send the first message/);
    const webhook = step(/^2\./);
    expect(within(live).getByRole('status')).toHaveTextContent(/Waiting for the first message/);
    expect(within(live).getByText('To do')).toBeInTheDocument();
    // Pasting the URL cannot be checked until a message arrives: the step claims neither.
    expect(within(webhook).queryByText('Done')).not.toBeInTheDocument();
    expect(within(webhook).queryByText('To do')).not.toBeInTheDocument();

    // What a customer's "join …" message does on the backend, and the event it publishes.
    const firstInboundAt = new Date().toISOString();
    backend.db.write((draft) => {
      draft.sandboxes.find((s) => s.accountId === demoIds.sandboxAccount)!.firstInboundAt = firstInboundAt;
    });
    stream.latest().send({ type: 'sandbox', accountId: demoIds.sandboxAccount, firstInboundAt }, 'sandbox');
    await waitFor(() => expect(within(live).getByRole('status')).toHaveTextContent(/The sandbox works/));
    expect(within(live).getByText('Done')).toBeInTheDocument();
    expect(within(webhook).getByText('Done')).toBeInTheDocument();
  });

  test('while waiting it does not ask the server again: another account’s event changes nothing', async () => {
    const stream = installScriptedEventSource();
    freshSandbox();
    const asked: string[] = [];
    backend.server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/sandbox')) asked.push(request.method);
    });
    await renderPage();
    stream.latest().open();
    const live = step(/^3\. Send the first message/);
    stream.latest().send({ type: 'sandbox', accountId: demoIds.nordicAccount, firstInboundAt: new Date().toISOString() }, 'sandbox');
    // Longer than the 3 s the checklist used to poll at.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(asked).toEqual(['GET']);
    expect(within(live).getByRole('status')).toHaveTextContent(/Waiting for the first message/);
    backend.server.events.removeAllListeners();
  });

  test('saves the join code as the words after "join", then shows the message to share', async () => {
    freshSandbox();
    const { user } = await renderPage();
    const join = step(/^1\. Share the join code/);
    expect(within(join).getByText(/Enter the code from the Twilio console/)).toBeInTheDocument();
    await user.type(within(join).getByRole('textbox', { name: /^Join code/ }), 'join Quiet-River');
    await user.click(within(join).getByRole('button', { name: 'Save code' }));
    expect(await within(join).findByRole('textbox', { name: 'Message to send' })).toHaveValue('join quiet-river');
    expect(within(join).getByRole('textbox', { name: /^Join code/ })).toHaveValue('quiet-river');
    expect(backend.db.data.sandboxes.find((s) => s.accountId === demoIds.sandboxAccount)?.joinCode).toBe('quiet-river');
  });

  test('a code that is not a code is refused on the field, before and by the server', async () => {
    const { user } = await renderPage();
    const join = step(/^1\. Share the join code/);
    const code = within(join).getByRole('textbox', { name: /^Join code/ });
    await user.clear(code);
    await user.type(code, 'two words');
    await user.click(within(join).getByRole('button', { name: 'Save code' }));
    expect(await within(join).findByText('This value is not valid.')).toBeInTheDocument();

    backend.server.use(
      http.put('/api/whatsapp-accounts/:id/sandbox', () =>
        HttpResponse.json(validationProblemBody([fieldError('joinCode', 'field.invalid')]), {
          status: 400,
          headers: { 'content-type': PROBLEM_CONTENT_TYPE },
        }),
      ),
    );
    await user.clear(code);
    await user.type(code, 'still-wrong');
    await user.click(within(join).getByRole('button', { name: 'Save code' }));
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(within(join).getByText('This value is not valid.')).toBeInTheDocument();
    expect(code).toHaveValue('still-wrong');
    // The saved code is still the one shared.
    expect(within(join).getByRole('textbox', { name: 'Message to send' })).toHaveValue('join bright-harbor');
  });

  test('an account without the sandbox number is told so', async () => {
    await renderPage(demoIds.nordicAccount);
    expect(screen.getByText(/does not use the sandbox number \+14155238886/)).toBeInTheDocument();
  });
});
