import { screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { paths } from '@/config/paths';
import { cleanPasted, withoutWhitespace } from '@/domain/pasted-text';
import { controlCharacterMessage, exactly, expectFieldRefused, hostile, mixedName, replaceByPasting, recordWrites } from '@/testing/hostile-text';
import { backendForThisFile, renderWithProviders } from '@/testing/render';
import { AccountsPage } from '../accounts-list/accounts-page';
import { NewAccountWizard } from './new-account-wizard';
import { fillAccount, fillDetails, nextButton, numberRow, sample, stepHeading, tokenInput } from '../../../../testing/features/new-account';

const backend = backendForThisFile('demo');

function renderWizard() {
  return renderWithProviders(
    [
      { path: paths.newAccount, element: <NewAccountWizard /> },
      { path: paths.accounts, element: <AccountsPage /> },
    ],
    { initialEntries: [paths.accounts, `${paths.newAccount}?step=details`] },
  );
}

const nameInput = () => screen.getByRole('textbox', { name: 'Name' });
const sidInput = () => screen.getByRole('textbox', { name: 'Account SID' });

describe('The new account wizard with text pasted from elsewhere', { timeout: 60_000 }, () => {
  test('a far too long name, or one with a control character, is refused on the field and kept', async () => {
    const { user } = renderWizard();
    await stepHeading('Channel details');
    for (const [text, message] of [
      [hostile.huge, 'Keep the name to 100 characters or fewer.'],
      [hostile.nul, controlCharacterMessage],
      [hostile.bell, controlCharacterMessage],
    ] as const) {
      await replaceByPasting(user, nameInput(), text);
      await user.click(nextButton());
      await expectFieldRefused(nameInput(), message, text);
      expect(screen.getByRole('heading', { level: 2, name: 'Channel details' })).toBeInTheDocument();
    }
  });

  test('Account SID and auth token refuse huge, control, emoji and right-to-left text, each with its reason', async () => {
    const { user } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    const sidRefuses = (character: string) => `The character ${character} is not allowed: after AC, an Account SID has only the letters a–f and digits 0–9.`;
    const tokenRefuses = (character: string) => `The character ${character} is not allowed: an auth token has only the letters a–f and digits 0–9.`;
    const wrongPrefix = 'An Account SID starts with AC followed by 32 letters a–f and digits.';
    const cases = [
      [hostile.huge, wrongPrefix, tokenRefuses('“Ä”')],
      [`AC${hostile.huge}`, sidRefuses('“Ä”'), tokenRefuses('“Ä”')],
      [`AC${'a1b2c3d4'.repeat(3)}\u0000${'a1b2c3d'}`, sidRefuses('U+0000 (invisible)'), tokenRefuses('U+0000 (invisible)')],
      [`${hostile.emoji}`, wrongPrefix, tokenRefuses('“👩”')],
      [`AC${hostile.rtl}`, sidRefuses('“خ”'), tokenRefuses('“خ”')],
    ] as const;
    for (const [text, sidMessage, tokenMessage] of cases) {
      await replaceByPasting(user, sidInput(), text);
      await replaceByPasting(user, tokenInput(), text);
      await user.click(nextButton());
      // White space is dropped as it is pasted (a SID and a token have none); the rest stays to be fixed.
      await expectFieldRefused(sidInput(), sidMessage, withoutWhitespace(text));
      await expectFieldRefused(tokenInput(), tokenMessage, withoutWhitespace(text));
    }
  });

  test('a zero-width space that came along with a pasted SID and token is dropped, not refused', async () => {
    const { user } = renderWizard();
    await fillDetails(user);
    await stepHeading('Account details');
    await replaceByPasting(user, sidInput(), `${sample.accountSid.slice(0, 10)}\u200b${sample.accountSid.slice(10)}`);
    await replaceByPasting(user, tokenInput(), `\u200b${sample.authToken}\u200b`);
    await user.click(nextButton());
    await stepHeading('WhatsApp numbers');
  });

  test('number name and WhatsApp number: control characters and letters of other scripts are refused in words', async () => {
    const writes = recordWrites(backend);
    const { user } = renderWizard();
    await fillDetails(user);
    await fillAccount(user);
    await stepHeading('WhatsApp numbers');
    const numberName = numberRow(1).getByRole('textbox', { name: 'Number name' });
    const number = numberRow(1).getByRole('textbox', { name: 'WhatsApp number' });
    const numberRefuses = (character: string) =>
      `The character ${character} is not allowed: a phone number has one + at the start and then only digits (spaces and dashes are removed for you).`;
    for (const [name, phone, nameMessage, phoneMessage] of [
      [hostile.huge, hostile.huge, 'Keep the name to 64 characters or fewer.', numberRefuses('“Ä”')],
      [hostile.nul, '+358\u0000401234567', controlCharacterMessage, numberRefuses('U+0000 (invisible)')],
      [hostile.bell, '+٣٥٨٤٠١٢٣٤٥٦٧', controlCharacterMessage, numberRefuses('“٣”')],
      [hostile.bell, `+358 40 123 4567 ${hostile.emoji}`, controlCharacterMessage, numberRefuses('“👩”')],
    ] as const) {
      await replaceByPasting(user, numberName, name);
      await replaceByPasting(user, number, phone);
      await user.click(nextButton());
      await expectFieldRefused(numberName, nameMessage, name);
      // Left with what a copy drags along trimmed, as it will be read.
      await expectFieldRefused(number, phoneMessage, cleanPasted(phone));
    }
    expect(writes).toEqual([]);
  });

  test('a name with emoji, right-to-left text and a zero-width space is created and listed exactly as pasted', async () => {
    const { user } = renderWizard();
    await stepHeading('Channel details');
    await replaceByPasting(user, nameInput(), mixedName);
    await user.click(nextButton());
    await fillAccount(user);
    await stepHeading('WhatsApp numbers');
    await replaceByPasting(user, numberRow(1).getByRole('textbox', { name: 'Number name' }), hostile.rtl);
    await replaceByPasting(user, numberRow(1).getByRole('textbox', { name: 'WhatsApp number' }), '+358 40 765 4321');
    await user.click(nextButton());
    await stepHeading('Callback information');
    await user.click(screen.getByRole('button', { name: 'Done' }));

    const table = await screen.findByRole('table', { name: 'Messaging accounts' });
    expect((await within(table).findByText(mixedName, exactly)).textContent).toBe(mixedName);
    const created = backend.db.data.accounts.find((a) => a.name === mixedName);
    expect(created, 'stored exactly as pasted').toBeDefined();
    expect(backend.db.data.numbers.filter((n) => n.accountId === created!.id).map((n) => n.name)).toEqual([hostile.rtl]);
  });
});
