import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { simulatePageReload } from '@/testing/page-reload';
import { waitForDialogsToClose } from '@/testing/render';
import { chooseNumber, ids, renderSetup, stepHeading, storeDraft, startDemoBackend, WORKSTREAM_STUB } from '../../../../testing/features/whatsapp-setup';

const backend = startDemoBackend();
afterEach(() => vi.restoreAllMocks());

describe('the step in the URL', () => {
  test('a deep link to a later step lands on the first incomplete one, replacing the address', async () => {
    const { router } = renderSetup(ids.sales, 'summary');
    await stepHeading('WhatsApp number');
    expect(router.state.location.search).toBe('?step=number');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  test('with a number chosen, a deep link to the behaviors lands on the language', async () => {
    storeDraft(ids.sales, 2, { numberId: ids.helsinki });
    renderSetup(ids.sales, 'behaviors');
    await stepHeading('Language');
  });

  test('an unknown workstream says it does not exist', async () => {
    renderSetup('no-such-workstream');
    expect(await screen.findByText(/This item does not exist any more/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to workstreams' })).toBeInTheDocument();
  });

  test('completed steps in the step list lead back to them', async () => {
    const { user } = renderSetup();
    await chooseNumber(user, /Helsinki service/);
    await stepHeading('Language');
    const steps = screen.getByRole('navigation', { name: 'Steps' });
    await user.click(within(steps).getByRole('button', { name: 'WhatsApp number (completed)' }));
    expect(await stepHeading('WhatsApp number')).toHaveFocus();
  });
});

describe('the draft', () => {
  test('survives a reload and says so', async () => {
    const first = renderSetup();
    await chooseNumber(first.user, /Stockholm service/);
    await stepHeading('Language');
    first.unmount();
    simulatePageReload();
    renderSetup(ids.sales, 'number');
    await stepHeading('WhatsApp number');
    expect(screen.getByText('We restored the choices you made before the page reloaded.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Stockholm service/ })).toBeChecked();
  });

  test('coming back without a reload says the choices were kept, not that the page reloaded', async () => {
    const first = renderSetup();
    await chooseNumber(first.user, /Stockholm service/);
    await stepHeading('Language');
    first.unmount();
    renderSetup(ids.sales, 'number');
    await stepHeading('WhatsApp number');
    expect(screen.getByText('We kept the choices you made here earlier and have not saved yet.')).toBeInTheDocument();
    expect(screen.queryByText(/before the page reloaded/)).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Stockholm service/ })).toBeChecked();
  });
});

describe('Cancel', () => {
  test('leaves at once when nothing changed', async () => {
    const { user } = renderSetup(ids.support);
    await stepHeading('WhatsApp number');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText(WORKSTREAM_STUB)).toBeInTheDocument();
  });

  test('asks first when a choice changed; Discard forgets it and leaves the saved setup as it is', async () => {
    const { user, router } = renderSetup(ids.support);
    await stepHeading('WhatsApp number');
    await user.click(screen.getByRole('radio', { name: /Stockholm service/ }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard your changes to the WhatsApp setup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    await waitForDialogsToClose();
    expect(router.state.location.search).toBe('?step=number');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByText(WORKSTREAM_STUB)).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
    expect(backend.db.data.workstreams.find((w) => w.id === ids.support)?.whatsapp?.numberId).toBe(ids.sandbox);
  });
});
