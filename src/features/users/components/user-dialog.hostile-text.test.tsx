import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, mixedName, replaceByPasting, recordWrites } from '@/testing/hostile-text';
import { backendForThisFile, renderWithProviders, waitForDialogsToClose } from '@/testing/render';
import { UsersPage } from './users-page';

const backend = backendForThisFile('demo');

async function openAddDialog() {
  const rendered = renderWithProviders(<UsersPage />, { initialEntries: ['/users'] });
  await screen.findByRole('table', { name: 'Users' });
  await rendered.user.click(screen.getByRole('button', { name: 'Add user' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add a user' });
  return {
    ...rendered,
    dialog,
    name: within(dialog).getByRole('textbox', { name: 'Name' }),
    email: within(dialog).getByRole('textbox', { name: 'Email' }),
    password: within(dialog).getByLabelText(/^Initial password/, { selector: 'input' }),
  };
}

const EMAIL_MESSAGE = 'Enter an email address such as name@example.com.';
/** Emoji and right-to-left letters: a long passphrase that must come back exactly at sign-in. */
const unicodePassword = `${hostile.emoji} ${hostile.rtl}`;

describe('Users with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('huge and control-character name, email and password are refused on their fields, which keep them', async () => {
    const writes = recordWrites(backend);
    const { user, dialog, name, email, password } = await openAddDialog();
    for (const [text, nameMessage, passwordMessage] of [
      [hostile.huge, 'Keep the name to 100 characters or fewer.', 'Keep the password to 200 characters or fewer.'],
      [`${hostile.nul} with a long tail`, controlCharacterMessage, controlCharacterMessage],
      [`${hostile.bell} with a long tail`, controlCharacterMessage, controlCharacterMessage],
    ] as const) {
      const address = text === hostile.huge ? `${text}@example.com` : `${text.replace(/ /g, '')}@example.com`;
      await replaceByPasting(user, name, text);
      await replaceByPasting(user, email, address);
      await replaceByPasting(user, password, text);
      await user.click(within(dialog).getByRole('button', { name: 'Add user' }));
      await expectFieldRefused(name, nameMessage, text);
      await expectFieldRefused(email, EMAIL_MESSAGE, address);
      await expectFieldRefused(password, passwordMessage, text);
    }
    expect(writes).toEqual([]);
  });

  test('a name with emoji and right-to-left text, an address in Hebrew and a passphrase of emoji are saved exactly', async () => {
    const { user, dialog, name, email, password } = await openAddDialog();
    await replaceByPasting(user, name, mixedName);
    await replaceByPasting(user, email, 'דנה@דוגמה.ישראל');
    await replaceByPasting(user, password, unicodePassword);
    await user.click(within(dialog).getByRole('button', { name: 'Add user' }));
    await waitForDialogsToClose();

    const table = screen.getByRole('table', { name: 'Users' });
    expect((await within(table).findByText(mixedName, exactly)).textContent).toBe(mixedName);
    expect(within(table).getByText('דנה@דוגמה.ישראל', exactly)).toBeInTheDocument();
    expect(backend.db.data.users.find((u) => u.email === 'דנה@דוגמה.ישראל')).toMatchObject({ name: mixedName, password: unicodePassword });
  });
});
