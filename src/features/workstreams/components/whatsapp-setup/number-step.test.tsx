import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { ids, nextButton, renderSetup, stepHeading, startDemoBackend } from '../../../../testing/features/whatsapp-setup';

const backend = startDemoBackend();

describe('the WhatsApp number step', () => {
  test('lists the numbers of every account, grouped by account, with name and number', async () => {
    renderSetup();
    await stepHeading('WhatsApp number');
    const nordic = screen.getByRole('radiogroup', { name: 'Numbers of Contoso Nordics' });
    expect(within(nordic).getByRole('radio', { name: /^Helsinki service, \+358\d+$/ })).toBeEnabled();
    expect(within(nordic).getByRole('radio', { name: /^Stockholm service, \+46\d+$/ })).toBeEnabled();
    const sandbox = screen.getByRole('radiogroup', { name: 'Numbers of Contoso support (sandbox)' });
    expect(within(sandbox).getByRole('radio', { name: /Twilio sandbox, \+14155238886/ })).toBeInTheDocument();
  });

  test('a number another workstream uses is shown disabled, saying which', async () => {
    renderSetup();
    await stepHeading('WhatsApp number');
    const sandbox = screen.getByRole('radio', { name: 'Twilio sandbox, +14155238886 (Used by WhatsApp customer support)' });
    expect(sandbox).toBeDisabled();
  });

  test('the number of the workstream itself can be chosen again', async () => {
    renderSetup(ids.support);
    await stepHeading('WhatsApp number');
    const own = screen.getByRole('radio', { name: 'Twilio sandbox, +14155238886 (Used by this workstream now)' });
    expect(own).toBeEnabled();
    expect(own).toBeChecked();
  });

  test('Next without a choice says to choose one', async () => {
    const { user } = renderSetup();
    await stepHeading('WhatsApp number');
    await user.click(nextButton());
    expect(await screen.findByText('Choose a WhatsApp number.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'WhatsApp number' })).toBeInTheDocument();
  });

  test('a choice leads to the language step and is kept on the way back', async () => {
    const { user, router } = renderSetup();
    await stepHeading('WhatsApp number');
    await user.click(screen.getByRole('radio', { name: /Helsinki service/ }));
    await user.click(nextButton());
    await stepHeading('Language');
    expect(router.state.location.search).toBe('?step=language');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading('WhatsApp number');
    expect(screen.getByRole('radio', { name: /Helsinki service/ })).toBeChecked();
  });

  test('when every number is in use, says so and links to the accounts', async () => {
    backend.db.write((draft) => {
      const support = draft.workstreams.find((w) => w.id === ids.support)!;
      for (const [index, numberId] of [ids.helsinki, ids.stockholm].entries()) {
        draft.workstreams.push({ ...support, id: `other-${index}`, name: `Other ${index}`, whatsapp: { ...support.whatsapp!, numberId } });
      }
    });
    renderSetup();
    await stepHeading('WhatsApp number');
    expect(screen.getByText('No free WhatsApp number')).toBeInTheDocument();
    expect(screen.getByText(/Every WhatsApp number is already used by another workstream/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create a messaging account' })).toHaveAttribute('href', '/channels/accounts/new');
    expect(screen.getByRole('link', { name: 'Go to messaging accounts' })).toHaveAttribute('href', '/channels/accounts');
    expect(screen.getByRole('radio', { name: /Helsinki service.*Used by Other 0/ })).toBeDisabled();
  });

  test('with no numbers at all, the empty state says to create an account first', async () => {
    backend.db.write((draft) => {
      draft.workstreams.forEach((w) => (w.whatsapp = null));
      draft.numbers = [];
      draft.accounts = [];
    });
    renderSetup();
    await stepHeading('WhatsApp number');
    expect(screen.getByText(/There are no WhatsApp numbers yet/)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create a messaging account' })).toBeInTheDocument();
  });
});
