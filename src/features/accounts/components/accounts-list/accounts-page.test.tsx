import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { backendForThisFile, demoIds, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { AccountsPage } from './accounts-page';

const backend = backendForThisFile('demo');

const SEEDED = 'Contoso support (sandbox)';

function renderList(search = '') {
  return renderWithProviders(
    [
      { path: paths.accounts, element: <AccountsPage /> },
      { path: paths.newAccount, element: <p>Wizard stub</p> },
      { path: '/channels/accounts/:id', element: <p>Edit stub</p> },
    ],
    { initialEntries: [`${paths.accounts}${search}`] },
  );
}

describe('Accounts list', () => {
  test('shows each account with its channel, number count and creation date', async () => {
    renderList();
    const table = await screen.findByRole('table', { name: 'Messaging accounts' });
    const row = within(table).getByRole('row', { name: new RegExp(SEEDED.replace(/[()]/g, '\\$&')) });
    expect(row).toHaveTextContent('WhatsApp');
    expect(row).toHaveTextContent('1');
    expect(within(row).getByText('15 Jan 2026')).toHaveAttribute('datetime', '2026-01-15T09:30:00.000Z');
  });

  test('Edit leads to the account; New account to the wizard', async () => {
    const { user, router } = renderList();
    await user.click(await screen.findByRole('link', { name: `Edit ${SEEDED}` }));
    expect(router.state.location.pathname).toBe(paths.account('7b0e1f5e-4c1a-4d55-9a7e-0d2f3c9b8a01'));
    await router.navigate(paths.accounts);
    await user.click(await screen.findByRole('link', { name: 'New account' }));
    expect(await screen.findByText('Wizard stub')).toBeInTheDocument();
  });

  test('an empty list explains itself and leads to New account', async () => {
    backend.db.write((data) => {
      data.accounts = [];
      data.numbers = [];
      data.workstreams = data.workstreams.map((w) => ({ ...w, whatsapp: null }));
    });
    const { user } = renderList();
    expect(await screen.findByRole('heading', { name: 'No messaging accounts yet' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'New account' }));
    expect(await screen.findByText('Wizard stub')).toBeInTheDocument();
  });

  test('marks the account named in ?highlight', async () => {
    const rowClass = async () =>
      within(await screen.findByRole('table')).getByRole('row', { name: new RegExp(SEEDED.replace(/[()]/g, '\\$&')) }).className;
    const plain = renderList();
    const plainClass = await rowClass();
    plain.unmount();
    renderList('?highlight=7b0e1f5e-4c1a-4d55-9a7e-0d2f3c9b8a01');
    expect(await rowClass()).not.toBe(plainClass);
  });

  test('a failed load says so and can be retried', async () => {
    backend.server.use(http.get('/api/whatsapp-accounts', () => HttpResponse.error(), { once: true }));
    const { user } = renderList();
    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });
});

describe('Deleting an account', () => {
  const NORDIC = 'Contoso Nordics';

  test('asks first, naming the numbers that go with it; Cancel keeps everything', async () => {
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${NORDIC}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Delete ${NORDIC}?` });
    expect(dialog).toHaveTextContent('Its 2 WhatsApp numbers go with it:');
    expect(dialog).toHaveTextContent('Helsinki service +358505550101');
    expect(dialog).not.toHaveTextContent('message template');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(backend.db.data.accounts).toHaveLength(2);
  });

  test('while a workstream uses one of its numbers, says what to do first and offers no Delete', async () => {
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${SEEDED}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `${SEEDED} cannot be deleted yet` });
    expect(within(dialog).getByRole('link', { name: '+14155238886 is used by WhatsApp customer support' })).toHaveAttribute(
      'href',
      paths.workstream(demoIds.supportWorkstream),
    );
    expect(within(dialog).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitForDialogsToClose();
  });

  test('deletes on confirm with its templates, says so, and the list shows the rest', async () => {
    backend.db.write((data) => {
      data.workstreams = data.workstreams.map((w) => ({ ...w, whatsapp: null }));
    });
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${SEEDED}` }));
    const dialog = await screen.findByRole('alertdialog', { name: `Delete ${SEEDED}?` });
    expect(dialog).toHaveTextContent('Its 4 message templates are deleted too.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(`${SEEDED} was deleted.`)).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(screen.queryByRole('row', { name: new RegExp(SEEDED.replace(/[()]/g, '\\$&')) })).not.toBeInTheDocument();
    expect(backend.db.data.templates).toHaveLength(0);
    expect(backend.db.data.numbers.map((n) => n.accountId)).not.toContain(demoIds.sandboxAccount);
  });

  test('deleting the last account shows the empty state', async () => {
    backend.db.write((data) => {
      data.accounts = data.accounts.filter((a) => a.id === demoIds.nordicAccount);
    });
    const { user } = renderList();
    await user.click(await screen.findByRole('button', { name: `Delete ${NORDIC}` }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('heading', { name: 'No messaging accounts yet' })).toBeInTheDocument();
  });

  test('a server error keeps the dialog open with the reason, and the retry works', async () => {
    const { user } = renderList();
    backend.faults.failNextWrite();
    await user.click(await screen.findByRole('button', { name: `Delete ${NORDIC}` }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(backend.db.data.accounts).toHaveLength(2);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(`${NORDIC} was deleted.`)).toBeInTheDocument();
  });
});
