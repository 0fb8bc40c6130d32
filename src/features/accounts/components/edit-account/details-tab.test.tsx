import { screen, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { backendForThisFile } from '@/testing/render';
import {
  changeElsewhere,
  LIST_STUB,
  pageHeading,
  recordRequests,
  renderEditPage,
  saveButton,
  seedAccount,
  storedAccount,
} from '../../../../testing/features/edit-account';

const backend = backendForThisFile();

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });

async function rename(user: ReturnType<typeof renderEditPage>['user'], name: string) {
  await user.clear(nameInput());
  await user.type(nameInput(), name);
}

describe('Channel details tab', () => {
  test('saving a new name sends it with the version, says so, and the form starts over from it', async () => {
    seedAccount(backend);
    const requests = recordRequests(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await rename(user, '  Fabrikam helpdesk ');
    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(requests).toEqual([{ method: 'PATCH', path: expect.stringContaining('/api/whatsapp-accounts/'), body: { version: 1, name: 'Fabrikam helpdesk' } }]);
    expect(storedAccount(backend)).toMatchObject({ name: 'Fabrikam helpdesk', version: 2 });
    expect(await pageHeading('Fabrikam helpdesk')).toBeInTheDocument();
    expect(nameInput()).toHaveValue('Fabrikam helpdesk');

    // The next save is based on the new version, and the form is no longer "changed".
    await user.type(nameInput(), ' 2{Enter}');
    await waitFor(() => expect(storedAccount(backend)).toMatchObject({ name: 'Fabrikam helpdesk 2', version: 3 }));
    await pageHeading('Fabrikam helpdesk 2');
    await user.click(screen.getByRole('link', { name: 'Back to messaging accounts' }));
    expect(await screen.findByText(LIST_STUB)).toBeInTheDocument();
  });

  test('an empty name is refused before anything is sent', async () => {
    seedAccount(backend);
    const requests = recordRequests(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await user.clear(nameInput());
    await user.click(saveButton());
    expect(await screen.findByText('Enter a name.')).toBeInTheDocument();
    expect(nameInput()).toHaveFocus();
    expect(nameInput()).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toEqual([]);
  });

  test('saving an unchanged name sends nothing', async () => {
    seedAccount(backend);
    const requests = recordRequests(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await user.click(saveButton());
    expect(await screen.findByText('There are no changes to save.')).toBeInTheDocument();
    expect(requests).toEqual([]);
  });

  test('a name another account has is reported on the field', async () => {
    seedAccount(backend);
    seedAccount(backend, { id: 'other-account', name: 'Northwind sales', numbers: [] });
    const { user } = renderEditPage();
    await pageHeading();
    await rename(user, 'northwind SALES');
    await user.click(saveButton());
    expect(await screen.findByText('Another account already has this name. Choose a different one.')).toBeInTheDocument();
    expect(nameInput()).toHaveAttribute('aria-invalid', 'true');
    expect(nameInput()).toHaveFocus();
    expect(nameInput()).toHaveValue('northwind SALES');
    expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument();
  });

  test('a version conflict offers Reload, which keeps the typed name; then it saves', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await rename(user, 'Mine');
    changeElsewhere(backend, { name: 'Theirs', accountSid: 'AC' + 'ab'.repeat(16) });
    await user.click(saveButton());
    expect(await screen.findByText(/Someone else changed this after you opened it/)).toBeInTheDocument();
    expect(nameInput()).toHaveValue('Mine');

    await user.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument());
    expect(nameInput()).toHaveValue('Mine');
    // The untouched field of the other tab shows the other person's change.
    await user.click(screen.getByRole('tab', { name: 'Account details' }));
    expect(screen.getByRole('textbox', { name: 'Account SID' })).toHaveValue('AC' + 'ab'.repeat(16));
    await user.click(screen.getByRole('tab', { name: 'Channel details' }));

    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(storedAccount(backend)).toMatchObject({ name: 'Mine', version: 3 });
  });

  test('a server failure keeps the name and Try again sends it again', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await rename(user, 'Fabrikam helpdesk');
    backend.faults.failNextWrite();
    await user.click(saveButton());
    expect(await screen.findByText('Something went wrong on the server (500). Nothing was saved; try again.')).toBeInTheDocument();
    expect(nameInput()).toHaveValue('Fabrikam helpdesk');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(storedAccount(backend)).toMatchObject({ name: 'Fabrikam helpdesk', version: 2 });
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
  });

  test('saving one tab keeps what is typed in the other, and the other saves without a conflict', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    await pageHeading();
    await rename(user, 'Renamed');
    await user.click(screen.getByRole('tab', { name: 'Account details' }));
    const sid = screen.getByRole('textbox', { name: 'Account SID' });
    await user.clear(sid);
    await user.type(sid, 'AC' + 'cd'.repeat(16));
    await user.click(saveButton());
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Channel details' }));
    expect(nameInput()).toHaveValue('Renamed');
    await user.click(saveButton());
    await waitFor(() => expect(storedAccount(backend)).toMatchObject({ name: 'Renamed', accountSid: 'AC' + 'cd'.repeat(16), version: 3 }));
    expect(screen.queryByText(/Someone else changed this/)).not.toBeInTheDocument();
  });
});
