import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { backendForThisFile, currentUrl } from '@/testing/render';
import { fillAccount, fillDetails, fillNumber, nextButton, numberRow, renderWizard, sample, stepHeading } from '../../../../testing/features/new-account';

// The seed's account is named "Contoso support (sandbox)" and uses the sandbox number.
const backend = backendForThisFile('demo');

async function fillAll(name = 'Fabrikam helpdesk', number = '+358 40 123 4567') {
  const rendered = renderWizard();
  await fillDetails(rendered.user, name);
  await fillAccount(rendered.user);
  await stepHeading('WhatsApp numbers');
  await fillNumber(rendered.user, 1, 'Helsinki', number);
  return rendered;
}

function recordCreateBodies() {
  const bodies: unknown[] = [];
  backend.server.events.on('request:start', async ({ request }) => {
    if (request.method === 'POST') bodies.push(await request.clone().json());
  });
  return bodies;
}

describe('Creating the account', () => {
  test('Next sends everything in one request and shows where to point Twilio', async () => {
    const bodies = recordCreateBodies();
    const { user, router } = await fillAll();
    await user.click(nextButton());

    await stepHeading('Callback information');
    expect(bodies).toEqual([
      {
        name: 'Fabrikam helpdesk',
        channel: 'whatsapp',
        accountSid: sample.accountSid,
        authToken: sample.authToken,
        numbers: [{ name: 'Helsinki', number: '+358 40 123 4567' }],
      },
    ]);
    const created = backend.db.data.accounts.find((a) => a.name === 'Fabrikam helpdesk')!;
    expect(currentUrl(router)).toBe(`${paths.newAccount}?step=callback&account=${created.id}`);
    expect(screen.getByRole('textbox', { name: 'Inbound URL' })).toHaveValue(
      `http://localhost:3000/webhooks/twilio/whatsapp/${created.id}`,
    );
    expect(screen.getByRole('textbox', { name: 'Status callback URL' })).toHaveValue(
      `http://localhost:3000/webhooks/twilio/status/${created.id}`,
    );
    expect(screen.getByText(/Twilio cannot reach it/)).toBeInTheDocument();
    // The steps before cannot be sent again.
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  test('Back after the account exists stays on its callback step and cannot create it again', async () => {
    const bodies = recordCreateBodies();
    const { user, router } = await fillAll();
    await user.click(nextButton());
    await stepHeading('Callback information');
    const created = backend.db.data.accounts.find((a) => a.name === 'Fabrikam helpdesk')!;

    await router.navigate(-1);
    await waitFor(() => expect(currentUrl(router)).toBe(`${paths.newAccount}?step=callback&account=${created.id}`));
    await stepHeading('Callback information');
    expect(screen.queryByRole('textbox', { name: 'Account SID' })).not.toBeInTheDocument();
    expect(bodies).toHaveLength(1);
    expect(sessionStorage.length).toBe(0);
  });

  test('Done returns to the list with the new account highlighted, and says so', async () => {
    const { user, router } = await fillAll();
    await user.click(nextButton());
    await stepHeading('Callback information');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    const created = backend.db.data.accounts.find((a) => a.name === 'Fabrikam helpdesk')!;
    expect(await screen.findByText('Fabrikam helpdesk was created.')).toBeInTheDocument();
    expect(currentUrl(router)).toBe(`${paths.accounts}?highlight=${created.id}`);
  });

  test('a name taken meanwhile by someone else sends the user back to the name; the rest is kept', async () => {
    const { user } = await fillAll('Fabrikam helpdesk');
    backend.db.write((draft) => {
      draft.accounts.push({ ...draft.accounts[0]!, id: 'someone-elses', name: 'FABRIKAM helpdesk' });
    });
    await user.click(nextButton());

    await stepHeading('Channel details');
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(await screen.findByText('Another account already has this name. Choose a different one.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Fabrikam Finland');
    await user.click(nextButton());
    await stepHeading('Account details');
    expect(screen.getByRole('textbox', { name: 'Account SID' })).toHaveValue(sample.accountSid);
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
    expect(numberRow(1).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+358 40 123 4567');
  });

  test('a number used by another account is pointed out on its row', async () => {
    // The seed's "Contoso Nordics" has +358505550101.
    const { user, router } = await fillAll('Fabrikam', 'whatsapp:+358505550101');
    await user.click(nextButton());

    const field = numberRow(1).getByRole('textbox', { name: 'WhatsApp number' });
    expect(await numberRow(1).findByText('Another account already uses this number.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveValue('whatsapp:+358505550101');
    expect(currentUrl(router)).toBe(`${paths.newAccount}?step=numbers`);
  });

  test('the sandbox number, which the seed’s account has too, is offered and taken by a second account', async () => {
    const rendered = renderWizard();
    await fillDetails(rendered.user, 'Fabrikam trial');
    await fillAccount(rendered.user);
    await stepHeading('WhatsApp numbers');
    await rendered.user.click(screen.getByRole('button', { name: 'Use the Twilio sandbox number' }));
    await rendered.user.click(nextButton());

    await stepHeading('Callback information');
    const created = backend.db.data.accounts.find((a) => a.name === 'Fabrikam trial')!;
    const sandboxHolders = backend.db.data.numbers.filter((n) => n.number === '+14155238886').map((n) => n.accountId);
    expect(sandboxHolders).toHaveLength(2);
    expect(sandboxHolders).toContain(created.id);
  });

  test('a server error keeps everything, says what happened, and Try again creates the account', async () => {
    const { user } = await fillAll();
    backend.faults.failNextWrite();
    await user.click(nextButton());

    expect(await screen.findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(numberRow(1).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue('+358 40 123 4567');
    const before = backend.db.data.accounts.length;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await stepHeading('Callback information');
    expect(backend.db.data.accounts).toHaveLength(before + 1);
  });

  test('an unreachable server is said plainly, and nothing is lost', async () => {
    const { user } = await fillAll();
    backend.server.use(http.post('/api/whatsapp-accounts', () => HttpResponse.error(), { once: true }));
    await user.click(nextButton());
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    expect(numberRow(1).getByRole('textbox', { name: 'Number name' })).toHaveValue('Helsinki');
  });
});
