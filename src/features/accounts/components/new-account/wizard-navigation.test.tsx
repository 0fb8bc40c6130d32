import { screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { simulatePageReload } from '@/testing/page-reload';
import { createTestBackend, waitForDialogsToClose } from '@/testing/render';
import {
  fillAccount,
  fillDetails,
  fillNumber,
  LIST_STUB,
  renderWizard,
  sample,
  stepHeading,
  tokenInput,
} from '../../../../testing/features/new-account';

const backend = createTestBackend();
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  backend.server.resetHandlers();
  vi.restoreAllMocks();
});
afterAll(() => backend.server.close());

const storedDraft = () => Object.values({ ...sessionStorage }).join('\n');

describe('the step in the URL', () => {
  test('a deep link to a later step with nothing typed lands on the first step, replacing the address', async () => {
    const { router } = renderWizard('?step=numbers');
    await stepHeading('Channel details');
    expect(router.state.location.search).toBe('?step=details');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  test('no step or an unknown one starts at the first step', async () => {
    const first = renderWizard('');
    await stepHeading('Channel details');
    expect(first.router.state.location.search).toBe('?step=details');
    first.unmount();
    const second = renderWizard('?step=summary');
    await stepHeading('Channel details');
    expect(second.router.state.location.search).toBe('?step=details');
  });

  test('the callback step without a created account is not reachable', async () => {
    const { router } = renderWizard('?step=callback');
    await stepHeading('Channel details');
    expect(router.state.location.search).toBe('?step=details');
  });

  test('browser back and forward move between steps and keep values', async () => {
    const { user, router } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    await user.type(screen.getByRole('textbox', { name: 'Account SID' }), sample.accountSid);
    await router.navigate(-1);
    expect(await stepHeading('Channel details')).toBeInTheDocument();
    await router.navigate(1);
    await stepHeading('Account details');
    expect(screen.getByRole('textbox', { name: 'Account SID' })).toHaveValue(sample.accountSid);
  });

  test('completed steps in the step list lead back to them; later steps are not links', async () => {
    const { user } = renderWizard();
    await fillDetails(user);
    await fillAccount(user);
    await stepHeading('WhatsApp numbers');
    const steps = screen.getByRole('navigation', { name: 'Steps' });
    expect(within(steps).getByText('WhatsApp numbers')).toHaveAttribute('aria-current', 'step');
    expect(within(steps).queryByRole('button', { name: /Callback information/ })).not.toBeInTheDocument();
    await user.click(within(steps).getByRole('button', { name: 'Channel details (completed)' }));
    expect(await stepHeading('Channel details')).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('Fabrikam helpdesk');
  });
});

describe('the draft', () => {
  test('survives a reload without the auth token, which must be entered again', async () => {
    const first = renderWizard();
    await fillDetails(first.user);
    await fillAccount(first.user);
    await stepHeading('WhatsApp numbers');
    await fillNumber(first.user, 1, 'Helsinki', '+358 40 123');
    expect(storedDraft()).toContain('Fabrikam helpdesk');
    expect(storedDraft()).toContain('+358 40 123');
    expect(storedDraft()).not.toContain(sample.authToken);
    first.unmount();
    simulatePageReload();

    const { user } = renderWizard('?step=numbers');
    await stepHeading('Account details');
    expect(
      screen.getByText('We restored what you typed before the page reloaded. For your security the auth token is never kept: enter it again.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Account SID' })).toHaveValue(sample.accountSid);
    expect(tokenInput()).toHaveValue('');
    await user.type(tokenInput(), sample.authToken);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepHeading('WhatsApp numbers');
    expect(within(screen.getByRole('group', { name: 'Number 1' })).getByRole('textbox', { name: 'WhatsApp number' })).toHaveValue(
      '+358 40 123',
    );
  });

  test('coming back without a reload says the draft was kept, not that the page reloaded', async () => {
    const first = renderWizard();
    await fillDetails(first.user);
    await fillAccount(first.user);
    await stepHeading('WhatsApp numbers');
    first.unmount();

    renderWizard('?step=numbers');
    await stepHeading('Account details');
    expect(
      screen.getByText('We kept what you typed here earlier. For your security the auth token is never kept: enter it again.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/before the page reloaded/)).not.toBeInTheDocument();
    expect(tokenInput()).toHaveValue('');
  });

  test('a fresh wizard says nothing about restoring', async () => {
    const { user } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    expect(screen.queryByText(/We restored what you typed/)).not.toBeInTheDocument();
  });
});

describe('Cancel', () => {
  test('leaves at once when nothing was typed', async () => {
    const { user } = renderWizard();
    await stepHeading('Channel details');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  test('asks first when something was typed; Keep editing stays, Discard forgets the draft', async () => {
    const { user, router } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard this new account?' });
    expect(dialog).toHaveTextContent('What you have typed will be lost.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitForDialogsToClose();
    expect(router.state.location.search).toBe('?step=account');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
  });

  test('a typed auth token alone is enough to ask', async () => {
    const { user } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });
});
