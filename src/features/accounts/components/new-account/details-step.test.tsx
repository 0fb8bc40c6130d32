import { screen } from '@testing-library/react';
import { delay, http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestBackend } from '@/testing/render';
import { nextButton, renderWizard, stepHeading } from '../../../../testing/features/new-account';

const backend = createTestBackend();
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => backend.server.resetHandlers());
afterAll(() => backend.server.close());

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });

function addExistingAccount() {
  backend.db.write((draft) => {
    draft.accounts.push({
      id: 'existing',
      name: 'Contoso support',
      channel: 'whatsapp',
      accountSid: 'AC' + '0'.repeat(32),
      authTokenHint: '0000',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
  });
}

describe('Channel details step', () => {
  test('shows the name, its hint, and WhatsApp as the one checked channel', async () => {
    renderWizard();
    await stepHeading('Channel details');
    expect(screen.getByRole('heading', { level: 1, name: 'New messaging account' })).toBeInTheDocument();
    expect(screen.getByText('Step 1 of 4')).toBeInTheDocument();
    expect(nameInput()).toHaveAccessibleDescription('Shown to administrators only, for example “Contoso support”.');
    const channel = screen.getByRole('radiogroup', { name: 'Channel' });
    expect(screen.getByRole('radio', { name: 'WhatsApp' })).toBeChecked();
    expect(channel).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back' })).not.toBeInTheDocument();
  });

  test('says the name is missing when the field is left empty', async () => {
    const { user } = renderWizard();
    await stepHeading('Channel details');
    await user.click(nameInput());
    expect(screen.queryByText('Enter a name.')).not.toBeInTheDocument();
    await user.tab();
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(nameInput()).toHaveAttribute('aria-invalid', 'true');
  });

  test('Next validates, stays on the step and focuses the field', async () => {
    const { user, router } = renderWizard();
    await stepHeading('Channel details');
    await user.click(nextButton());
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(nameInput()).toHaveFocus();
    expect(router.state.location.search).toBe('?step=details');
  });

  test('a name longer than 100 characters is refused', async () => {
    const { user } = renderWizard();
    await stepHeading('Channel details');
    await user.click(nameInput());
    await user.paste('x'.repeat(101));
    await user.click(nextButton());
    expect(await screen.findByText('Keep the name to 100 characters or fewer.')).toBeInTheDocument();
  });

  test('Enter in the name goes to the account step and focus moves to its heading', async () => {
    const { user, router } = renderWizard();
    await stepHeading('Channel details');
    await user.type(nameInput(), 'Fabrikam helpdesk{Enter}');
    expect(await stepHeading('Account details')).toHaveFocus();
    expect(router.state.location.search).toBe('?step=account');
    expect(screen.getByText('Step 2 of 4')).toBeInTheDocument();
  });

  test('a name another account already has is pointed out on Next, before the later steps', async () => {
    addExistingAccount();
    const { user, router } = renderWizard();
    await stepHeading('Channel details');
    await user.type(nameInput(), '  contoso SUPPORT ');
    await user.click(nextButton());
    expect(await screen.findByText('Another account already has this name. Choose a different one.')).toBeInTheDocument();
    expect(nameInput()).toHaveFocus();
    expect(router.state.location.search).toBe('?step=details');
    backend.db.reset();
  });

  test('the name is checked even when Next comes before the list of accounts has loaded', async () => {
    addExistingAccount();
    // The list answers late; the check waits for it instead of letting the name through.
    backend.server.use(http.get('/api/whatsapp-accounts', async () => void (await delay(300))));
    const { user, router } = renderWizard();
    await stepHeading('Channel details');
    await user.type(nameInput(), 'Contoso support');
    await user.click(nextButton());
    expect(await screen.findByText('Another account already has this name. Choose a different one.')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?step=details');
    backend.db.reset();
  });
});
