import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { backendForThisFile } from '@/testing/render';
import { ACCOUNT_ID, bindNumber, pageHeading, recordRequests, renderEditPage, seedAccount, storedNumbers } from '../../../../testing/features/edit-account';
import { waitForDialogsToClose } from '@/testing/render';

const backend = backendForThisFile();

const twoNumbers = [
  { name: 'Helsinki', number: '+358401234567' },
  { name: 'Stockholm', number: '+46701234567' },
];

async function openNumbersTab(numbers = twoNumbers) {
  seedAccount(backend, { numbers });
  const rendered = renderEditPage('?tab=numbers');
  await pageHeading();
  return rendered;
}

const table = () => screen.getByRole('table', { name: 'WhatsApp numbers' });
const rowNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
const dialog = (name: string) => screen.findByRole('dialog', { name });
const nameField = (scope: HTMLElement) => within(scope).getByRole('textbox', { name: 'Number name' });
const numberField = (scope: HTMLElement) => within(scope).getByRole('textbox', { name: 'WhatsApp number' });

describe('WhatsApp numbers tab', () => {
  test('a number a workstream uses links to it and cannot be removed until its setup is gone', async () => {
    seedAccount(backend, { numbers: twoNumbers });
    bindNumber(backend, `${ACCOUNT_ID}-number-1`, { id: 'ws-1', name: 'Helpdesk workstream' });
    const { user } = renderEditPage('?tab=numbers');
    await pageHeading();
    const row = within(table()).getByRole('row', { name: /Helsinki/ });
    expect(within(row).getByRole('link', { name: 'Helpdesk workstream' })).toHaveAttribute('href', '/workstreams/ws-1');
    expect(within(table()).getByRole('row', { name: /Stockholm/ })).toHaveTextContent('No workstream');

    await user.click(screen.getByRole('button', { name: 'Remove +358401234567' }));
    const blocked = await screen.findByRole('alertdialog', { name: '+358401234567 cannot be removed yet' });
    expect(blocked).toHaveTextContent('The workstream Helpdesk workstream receives WhatsApp conversations on this number.');
    expect(within(blocked).getByRole('link', { name: 'Open Helpdesk workstream' })).toBeInTheDocument();
    expect(within(blocked).queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    await user.click(within(blocked).getByRole('button', { name: 'Close' }));
    await waitForDialogsToClose();
    expect(storedNumbers(backend)).toHaveLength(2);
  });

  test('the server refuses removing a number bound after the page loaded, and says why', async () => {
    seedAccount(backend, { numbers: twoNumbers });
    const { user } = renderEditPage('?tab=numbers');
    await pageHeading();
    bindNumber(backend, `${ACCOUNT_ID}-number-1`, { id: 'ws-1', name: 'Helpdesk workstream' });
    await user.click(screen.getByRole('button', { name: 'Remove +358401234567' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove +358401234567?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await within(dialog).findByText(/A workstream uses this number/)).toBeInTheDocument();
    expect(storedNumbers(backend)).toHaveLength(2);
  });

  test('lists the numbers in a table with actions named after each number', async () => {
    await openNumbersTab();
    const headers = within(table()).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'WhatsApp number', 'Workstream', 'Actions']);
    expect(rowNames()).toEqual(['Helsinki', 'Stockholm']);
    expect(screen.getByRole('button', { name: 'Edit +358401234567' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove +46701234567' })).not.toHaveAttribute('aria-disabled');
  });

  test('Add number opens a dialog; a saved number joins the table', async () => {
    const requests = recordRequests(backend);
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    const add = await dialog('Add a WhatsApp number');
    expect(within(add).getByRole('button', { name: 'Use the Twilio sandbox number' })).toHaveFocus();
    await user.type(nameField(add), 'Oslo');
    await user.type(numberField(add), '+47 412 34 567');
    await user.click(within(add).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Number saved.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(requests.map((r) => r.body)).toEqual([{ name: 'Oslo', number: '+4741234567' }]);
    expect(await screen.findByRole('cell', { name: '+4741234567' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Helsinki', 'Stockholm', 'Oslo']);
  });

  test('the sandbox number is one click away in the add dialog', async () => {
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    const add = await dialog('Add a WhatsApp number');
    await user.click(within(add).getByRole('button', { name: 'Use the Twilio sandbox number' }));
    expect(nameField(add)).toHaveValue('Twilio sandbox');
    expect(numberField(add)).toHaveValue('+14155238886');
    expect(within(add).getByRole('button', { name: 'Use the Twilio sandbox number' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(within(add).getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('cell', { name: '+14155238886' })).toBeInTheDocument();
    await waitForDialogsToClose();
  });

  test('a number the account already has is reported in the dialog, which keeps the values', async () => {
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    const add = await dialog('Add a WhatsApp number');
    await user.type(nameField(add), 'Helsinki again');
    await user.type(numberField(add), 'whatsapp:+358 40 123 4567');
    await user.click(within(add).getByRole('button', { name: 'Save' }));
    expect(await within(add).findByText('This number is already in the list.')).toBeInTheDocument();
    expect(numberField(add)).toHaveAttribute('aria-invalid', 'true');
    expect(numberField(add)).toHaveFocus();
    expect(nameField(add)).toHaveValue('Helsinki again');
    expect(screen.getByRole('dialog', { name: 'Add a WhatsApp number' })).toBeInTheDocument();
  });

  test('a number another account uses is reported on the field', async () => {
    seedAccount(backend, { id: 'other-account', name: 'Northwind', numbers: [{ name: 'Theirs', number: '+4930123456' }] });
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    const add = await dialog('Add a WhatsApp number');
    await user.type(nameField(add), 'Berlin');
    await user.type(numberField(add), '+4930123456');
    await user.click(within(add).getByRole('button', { name: 'Save' }));
    expect(await within(add).findByText('Another account already uses this number.')).toBeInTheDocument();
    expect(storedNumbers(backend)).toHaveLength(2);
  });

  test('a server failure shows in the dialog; Try again saves', async () => {
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    const add = await dialog('Add a WhatsApp number');
    await user.type(nameField(add), 'Oslo');
    await user.type(numberField(add), '+4741234567');
    backend.faults.failNextWrite();
    await user.click(within(add).getByRole('button', { name: 'Save' }));
    expect(await within(add).findByText(/Something went wrong on the server \(500\)/)).toBeInTheDocument();
    expect(numberField(add)).toHaveValue('+4741234567');
    await user.click(within(add).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Number saved.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(storedNumbers(backend)).toHaveLength(3);
  });

  test('Edit opens the dialog with the current values and sends only what changed', async () => {
    const requests = recordRequests(backend);
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Edit +46701234567' }));
    const edit = await dialog('Edit number');
    expect(nameField(edit)).toHaveFocus();
    expect(nameField(edit)).toHaveValue('Stockholm');
    expect(numberField(edit)).toHaveValue('+46701234567');
    expect(within(edit).queryByRole('button', { name: 'Use the Twilio sandbox number' })).not.toBeInTheDocument();
    await user.clear(nameField(edit));
    await user.type(nameField(edit), 'Göteborg{Enter}');
    expect(await screen.findByText('Number saved.')).toBeInTheDocument();
    expect(requests.map((r) => r.body)).toEqual([{ version: 1, name: 'Göteborg' }]);
    await waitForDialogsToClose();
    expect(await screen.findByRole('cell', { name: 'Göteborg' })).toBeInTheDocument();
  });

  test('an edit that lost a race offers Reload, keeps the typed values and then saves', async () => {
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Edit +358401234567' }));
    const edit = await dialog('Edit number');
    await user.clear(nameField(edit));
    await user.type(nameField(edit), 'Helsinki main');
    backend.db.write((draft) => {
      const number = draft.numbers.find((n) => n.number === '+358401234567')!;
      number.number = '+358401234568';
      number.version += 1;
    });
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await user.click(await within(edit).findByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(within(edit).queryByRole('button', { name: 'Reload' })).not.toBeInTheDocument());
    expect(nameField(edit)).toHaveValue('Helsinki main');
    // The field nobody touched here shows the other change, and is not sent back over it.
    expect(numberField(edit)).toHaveValue('+358401234568');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Number saved.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(storedNumbers(backend).find((n) => n.name === 'Helsinki main')).toMatchObject({ number: '+358401234568', version: 3 });
  });

  test('Remove asks first; Cancel keeps the number, Remove removes it', async () => {
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Remove +46701234567' }));
    let confirm = await screen.findByRole('alertdialog', { name: 'Remove +46701234567?' });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(confirm).toHaveTextContent('Customers who write to this number will no longer reach you through this account.');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    expect(storedNumbers(backend)).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove +46701234567' }));
    confirm = await screen.findByRole('alertdialog', { name: 'Remove +46701234567?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Number removed.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(rowNames()).toEqual(['Helsinki']);
    expect(storedNumbers(backend).map((n) => n.number)).toEqual(['+358401234567']);
    expect(screen.getByRole('button', { name: 'Add number' })).toHaveFocus();
  });

  test('the last number cannot be removed, and the button says why', async () => {
    const { user } = await openNumbersTab([{ name: 'Helsinki', number: '+358401234567' }]);
    const remove = screen.getByRole('button', { name: 'Remove +358401234567' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveAccessibleDescription('An account needs at least one number.');
    await user.click(remove);
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(storedNumbers(backend)).toHaveLength(1);
  });

  test('if the other numbers were removed elsewhere, the server refuses to remove the last one and says why', async () => {
    const { user } = await openNumbersTab();
    backend.db.write((draft) => {
      draft.numbers = draft.numbers.filter((n) => n.number !== '+358401234567');
    });
    await user.click(screen.getByRole('button', { name: 'Remove +46701234567' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove +46701234567?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    expect(await within(confirm).findByText('An account needs at least one number.')).toBeInTheDocument();
    expect(storedNumbers(backend)).toHaveLength(1);
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitForDialogsToClose();
    await waitFor(() => expect(rowNames()).toEqual(['Stockholm']));
    expect(screen.getByRole('button', { name: 'Remove +46701234567' })).toHaveAttribute('aria-disabled', 'true');
  });

  test('removing the second-to-last number leaves the last one protected', async () => {
    const { user } = await openNumbersTab();
    await user.click(screen.getByRole('button', { name: 'Remove +358401234567' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('Number removed.')).toBeInTheDocument();
    await waitForDialogsToClose();
    expect(screen.getByRole('button', { name: 'Remove +46701234567' })).toHaveAttribute('aria-disabled', 'true');
  });
});
