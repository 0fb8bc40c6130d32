import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, mixedName, replaceByPasting } from '@/testing/hostile-text';
import { backendForThisFile, waitForDialogsToClose } from '@/testing/render';
import { pageHeading, recordRequests, renderEditPage, seedAccount, storedAccount, storedNumbers } from '../../../../testing/features/edit-account';

const backend = backendForThisFile();

const nameField = (scope: HTMLElement) => within(scope).getByRole('textbox', { name: 'Number name' });
const numberField = (scope: HTMLElement) => within(scope).getByRole('textbox', { name: 'WhatsApp number' });

describe('Editing an account with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('Add number: control characters and huge text are refused in the dialog, which keeps them; emoji and RTL are saved and listed exactly', async () => {
    seedAccount(backend);
    const requests = recordRequests(backend);
    const { user } = renderEditPage('?tab=numbers');
    await pageHeading();
    await user.click(screen.getByRole('button', { name: 'Add number' }));
    const add = await screen.findByRole('dialog', { name: 'Add a WhatsApp number' });
    for (const [name, message] of [
      [hostile.huge, 'Keep the name to 64 characters or fewer.'],
      [hostile.nul, controlCharacterMessage],
    ] as const) {
      await replaceByPasting(user, nameField(add), name);
      await replaceByPasting(user, numberField(add), '+47 412 34 567');
      await user.click(within(add).getByRole('button', { name: 'Save' }));
      await expectFieldRefused(nameField(add), message, name);
    }
    expect(requests).toEqual([]);

    await replaceByPasting(user, nameField(add), mixedName);
    await user.click(within(add).getByRole('button', { name: 'Save' }));
    await waitForDialogsToClose();
    const table = screen.getByRole('table', { name: 'WhatsApp numbers' });
    expect((await within(table).findByText(mixedName, exactly)).textContent).toBe(mixedName);
    expect(storedNumbers(backend).map((n) => n.name)).toContain(mixedName);
  });

  test('Renaming: a NUL is refused on the field; right-to-left text is saved and shown exactly', async () => {
    seedAccount(backend);
    const { user } = renderEditPage();
    await pageHeading();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await replaceByPasting(user, name, hostile.nul);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expectFieldRefused(name, controlCharacterMessage, hostile.nul);
    expect(storedAccount(backend).name).toBe('Contoso support');

    await replaceByPasting(user, name, hostile.rtl);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(await pageHeading(hostile.rtl)).toBeInTheDocument();
    expect(storedAccount(backend).name).toBe(hostile.rtl);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue(hostile.rtl);
  });
});
