import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, test } from 'vitest';
import { backendForThisFile } from '@/testing/render';
import { expectNoAxeViolations } from '@/testing/axe';
import { ACCOUNT_ID, LIST_STUB, pageHeading, renderEditPage, seedAccount } from '../../../../testing/features/edit-account';
import { waitForDialogsToClose } from '@/testing/render';

const backend = backendForThisFile();

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });

describe('loading the account', () => {
  test('shows progress, then the account under its name with a way back to the list', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await pageHeading();
    expect(nameInput()).toHaveValue('Contoso support');
    expect(screen.queryByRole('textbox', { name: 'Channel' })).not.toBeInTheDocument();
    expect(screen.getByText('Channel', { selector: 'dt' }).nextElementSibling).toHaveTextContent('WhatsApp');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('link', { name: 'Back to messaging accounts' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('an account that no longer exists says so, with a link back', async () => {
    const { user } = renderEditPage();
    expect(await screen.findByText('This item does not exist any more. Someone may have deleted it.')).toBeInTheDocument();
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Back to messaging accounts' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('a failed load can be tried again', async () => {
    seedAccount(backend);
    backend.server.use(http.get(`/api/whatsapp-accounts/${ACCOUNT_ID}`, () => Response.error(), { once: true }));
    const { user } = renderEditPage();
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await pageHeading();
  });
});

describe('tabs', () => {
  test('are tabs with labelled panels; the first is shown by default', async () => {
    seedAccount(backend);
    renderEditPage();
    await pageHeading();
    const tablist = screen.getByRole('tablist', { name: 'Edit Contoso support' });
    expect(within(tablist).getAllByRole('tab')).toHaveLength(4);
    for (const name of ['Channel details', 'Account details', 'WhatsApp numbers', 'Callback information']) {
      expect(within(tablist).getByRole('tab', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('tab', { name: 'Channel details' })).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Channel details' });
    expect(screen.getByRole('tab', { name: 'Channel details' })).toHaveAttribute('aria-controls', panel.id);
    expect(within(panel).getByRole('textbox', { name: 'Name' })).toBeInTheDocument();
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
  });

  test('the selected tab lives in the URL', async () => {
    seedAccount(backend);
    const { user, router } = renderEditPage('?tab=numbers');
    await pageHeading();
    expect(screen.getByRole('tab', { name: 'WhatsApp numbers' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'WhatsApp numbers' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Callback information' }));
    expect(router.state.location.search).toBe('?tab=callback');
    expect(screen.getByRole('tabpanel', { name: 'Callback information' })).toBeInTheDocument();
    expect((screen.getByRole('textbox', { name: 'Inbound URL' }) as HTMLInputElement).value).toMatch(
      new RegExp(`/webhooks/twilio/whatsapp/${ACCOUNT_ID}$`),
    );
  });

  test('an unknown tab in the URL shows the channel details', async () => {
    seedAccount(backend);
    renderEditPage('?tab=behaviours');
    await pageHeading();
    expect(screen.getByRole('tab', { name: 'Channel details' })).toHaveAttribute('aria-selected', 'true');
    expect(nameInput()).toBeInTheDocument();
  });

  test('the arrow keys and Enter move between tabs', async () => {
    seedAccount(backend);
    const { user, router } = renderEditPage();
    await pageHeading();
    screen.getByRole('tab', { name: 'Channel details' }).focus();
    await user.keyboard('{ArrowRight}{Enter}');
    expect(router.state.location.search).toBe('?tab=account');
    expect(screen.getByRole('tab', { name: 'Account details' })).toHaveFocus();
  });

  test('what was typed in one tab is still there after a visit to another', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await user.clear(nameInput());
    await user.type(nameInput(), 'Renamed');
    await user.click(screen.getByRole('tab', { name: 'Account details' }));
    await user.clear(screen.getByRole('textbox', { name: 'Account SID' }));
    await user.click(screen.getByRole('tab', { name: 'Channel details' }));
    expect(nameInput()).toHaveValue('Renamed');
    await user.click(screen.getByRole('tab', { name: 'Account details' }));
    expect(screen.getByRole('textbox', { name: 'Account SID' })).toHaveValue('');
  });
});

describe('unsaved changes', () => {
  test('leaving with a changed form asks first; Keep editing stays, Discard leaves', async () => {
    seedAccount(backend);
    const { user, router } = renderEditPage();
    await pageHeading();
    await user.type(nameInput(), ' 2');
    await user.click(screen.getByRole('link', { name: 'Back to messaging accounts' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(dialog).toHaveTextContent('You have changes that are not saved.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitForDialogsToClose();
    expect(nameInput()).toHaveValue('Contoso support 2');
    expect(router.state.location.pathname).toBe(`/channels/accounts/${ACCOUNT_ID}`);

    await user.click(screen.getByRole('link', { name: 'Back to messaging accounts' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('an unchanged page is left without a question', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await user.click(screen.getByRole('link', { name: 'Back to messaging accounts' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });
});
