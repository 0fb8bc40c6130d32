import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestBackend, demoIds, renderWithProviders } from '@/testing/render';
import { EditAccountPage } from '@/features/accounts/components/edit-account/edit-account-page';
import { VerifyCredentials } from './verify-credentials';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  await i18next.changeLanguage('en');
  backend.server.resetHandlers();
  backend.db.reset();
});
afterAll(() => backend.server.close());

function renderTool(accountId: string = demoIds.sandboxAccount) {
  return renderWithProviders(
    <main>
      <h1>Account</h1>
      <VerifyCredentials accountId={accountId} />
    </main>,
  );
}

/** The demo decides by the token's last four characters (src/mocks/handlers/account-tools.ts). */
function useTokenEndingIn(hint: string) {
  backend.db.write((draft) => {
    draft.accounts.find((a) => a.id === demoIds.sandboxAccount)!.authTokenHint = hint;
  });
}

const button = () => screen.getByRole('button', { name: /Verify credentials|Checking with Twilio/ });

describe('Verify credentials', () => {
  test.each([
    ['4c2e', 'Twilio accepted the credentials of the account “Contoso support (sandbox)”.'],
    ['0000', 'Twilio refused the Account SID or auth token. Check both in the Twilio console, then replace the token and save.'],
    ['1111', 'Twilio could not be reached. Check the server’s internet connection and try again in a moment.'],
    ['2222', 'Twilio knows the account “Contoso support (sandbox)”, but it is suspended: no messages go out until Twilio activates it again.'],
    ['3333', 'The Twilio account “Contoso support (sandbox)” is closed. Connect an active account instead.'],
  ])('a token ending in %s: says what Twilio answered, in plain words', async (hint, said) => {
    useTokenEndingIn(hint);
    const { user } = renderTool();
    await user.click(button());
    const status = screen.getByRole('status');
    expect(await within(status).findByText(said)).toBeInTheDocument();
    expect(status).toHaveTextContent(/Checked .+\./);
    if (hint === '0000') expect(status).toHaveTextContent('Twilio error 20003.');
    else expect(status).not.toHaveTextContent('Twilio error');
  });

  test('in Finnish', async () => {
    await i18next.changeLanguage('fi');
    useTokenEndingIn('0000');
    const { user } = renderTool();
    await user.click(screen.getByRole('button', { name: 'Tarkista tunnukset' }));
    expect(
      await screen.findByText('Twilio hylkäsi tilin SID:n tai todennustunnuksen. Tarkista molemmat Twilion konsolista, vaihda sitten tunnus ja tallenna.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Twilion virhe 20003.');
  });

  test('shows that it is checking while Twilio is asked, and cannot be pressed twice', async () => {
    let release: () => void = () => undefined;
    let requests = 0;
    backend.server.use(
      http.post('/api/whatsapp-accounts/:id/verify', async () => {
        requests += 1;
        await new Promise<void>((resolve) => (release = resolve));
        return HttpResponse.json({ ok: true, outcome: 'ok', friendlyName: 'Twilio name', errorCode: null, checkedAt: new Date().toISOString() });
      }),
    );
    const { user } = renderTool();
    await user.click(button());
    expect(await screen.findByRole('button', { name: 'Checking with Twilio…' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(button());
    release();
    expect(await screen.findByText('Twilio accepted the credentials of the account “Twilio name”.')).toBeInTheDocument();
    expect(button()).toHaveAccessibleName('Verify credentials');
    expect(requests).toBe(1);
  });

  test('a failed request is said, and Try again asks again', async () => {
    backend.server.use(
      http.post(
        '/api/whatsapp-accounts/:id/verify',
        () => HttpResponse.json({ type: '/problems/server-error', title: 'Server error', status: 500 }, { status: 500, headers: { 'content-type': 'application/problem+json' } }),
        { once: true },
      ),
    );
    const { user } = renderTool();
    await user.click(button());
    expect(await screen.findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Twilio accepted the credentials/)).toBeInTheDocument();
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
  });

  test('the account page has it in the Account tab, and links a sandbox account to its checklist', async () => {
    const { user } = renderWithProviders(
      <main>
        <EditAccountPage accountId={demoIds.sandboxAccount} />
      </main>,
      { initialEntries: ['/?tab=account'] },
    );
    const link = await screen.findByRole('link', { name: 'Sandbox checklist of Contoso support (sandbox)' });
    expect(link).toHaveAttribute('href', `/channels/accounts/${demoIds.sandboxAccount}/sandbox`);
    await user.click(screen.getByRole('button', { name: 'Verify credentials' }));
    expect(await screen.findByText(/Twilio accepted the credentials/)).toBeInTheDocument();
  });

  test('an account without the sandbox number has no checklist link', async () => {
    renderWithProviders(
      <main>
        <EditAccountPage accountId={demoIds.nordicAccount} />
      </main>,
    );
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('link', { name: /Sandbox checklist/ })).not.toBeInTheDocument();
  });
});
