import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { controlCharacterMessage, expectFieldRefused, hostile, replaceByPasting } from '@/testing/hostile-text';
import { backendForThisFile, demoIds, renderWithProviders } from '@/testing/render';
import { DEMO_PASSWORD, passwordInput, recordWrites } from '../../../../testing/features/auth';
import { UserMenu } from './user-menu';

const backend = backendForThisFile('demo');

async function openChangePassword() {
  const rendered = renderWithProviders(
    <>
      <h1>Queues</h1>
      <UserMenu />
    </>,
  );
  const trigger = await screen.findByRole('button', { name: 'Account: Aino Admin' });
  trigger.focus();
  await rendered.user.keyboard('{Enter}');
  await rendered.user.click(await screen.findByRole('menuitem', { name: 'Change password' }));
  const dialog = await screen.findByRole('dialog', { name: 'Change password' });
  return { ...rendered, dialog, submit: () => rendered.user.click(within(dialog).getByRole('button', { name: 'Change password' })) };
}

const storedPassword = () => backend.db.data.users.find((u) => u.id === demoIds.adminUser)?.password;
const unicodePassword = `${hostile.emoji} ${hostile.rtl}`;

describe('Changing one’s password to text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('a huge new password or one with a control character is refused on the field, which keeps it', async () => {
    const writes = recordWrites(backend);
    const { user, submit } = await openChangePassword();
    await replaceByPasting(user, passwordInput('Current password'), DEMO_PASSWORD);
    for (const [text, message] of [
      [hostile.huge, 'Keep the password to 200 characters or fewer.'],
      [`${hostile.nul} is long enough`, controlCharacterMessage],
      [`${hostile.bell} is long enough`, controlCharacterMessage],
    ] as const) {
      await replaceByPasting(user, passwordInput('New password'), text);
      await replaceByPasting(user, passwordInput('Repeat the password'), text);
      await submit();
      await expectFieldRefused(passwordInput('New password'), message, text);
    }
    expect(writes).toEqual([]);
    expect(storedPassword()).toBe(DEMO_PASSWORD);
  });

  test('a passphrase of emoji and right-to-left letters is stored exactly', async () => {
    const { user, submit } = await openChangePassword();
    await replaceByPasting(user, passwordInput('Current password'), DEMO_PASSWORD);
    await replaceByPasting(user, passwordInput('New password'), unicodePassword);
    await replaceByPasting(user, passwordInput('Repeat the password'), unicodePassword);
    await submit();
    expect(await screen.findByText('Your password was changed.')).toBeInTheDocument();
    expect(storedPassword()).toBe(unicodePassword);
  });
});
