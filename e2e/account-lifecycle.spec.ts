import { expect, toast, openAccounts, readClipboard, sampleCredentials, test } from './fixtures';

test('an administrator creates an account with two numbers, copies its callback URL, edits it and deletes it', async ({
  page,
  expectAccessible,
}) => {
  await openAccounts(page);
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();
  await expectAccessible();

  await page.getByRole('link', { name: 'New account' }).click();
  await expect(page).toHaveURL(/step=details/);
  await expect(page.getByRole('heading', { name: 'Channel details' })).toBeVisible();
  await expectAccessible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Fabrikam helpdesk');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page).toHaveURL(/step=account/);
  await expect(page.getByRole('heading', { name: 'Account details' })).toBeVisible();
  await page.getByLabel('Account SID').fill(sampleCredentials.accountSid);
  await page.getByLabel(/^Auth token/).fill(sampleCredentials.authToken);
  await expect(page.getByLabel(/^Auth token/)).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Show auth token' }).click();
  await expect(page.getByLabel(/^Auth token/)).toHaveAttribute('type', 'text');
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page).toHaveURL(/step=numbers/);
  const first = page.getByRole('group', { name: 'Number 1' });
  await first.getByLabel('Number name').fill('Helsinki support');
  await first.getByLabel('WhatsApp number').fill('whatsapp:+358 40 123 4567');
  await page.getByRole('button', { name: 'Add number' }).click();
  const second = page.getByRole('group', { name: 'Number 2' });
  await second.getByLabel('Number name').fill('Stockholm support');
  await second.getByLabel('WhatsApp number').fill('+46 70-123 45 67');
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page).toHaveURL(/step=callback/);
  const inbound = page.getByRole('textbox', { name: 'Inbound URL' });
  await expect(inbound).toHaveValue(/\/webhooks\/twilio\/whatsapp\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/Twilio cannot reach it/)).toBeVisible();
  await page.getByRole('button', { name: 'Copy inbound URL' }).click();
  await expect(page.getByRole('button', { name: 'Copy inbound URL' })).toHaveText('Copied');
  const inboundUrl = await inbound.inputValue();
  expect(await readClipboard(page)).toBe(inboundUrl);
  await expectAccessible();
  await page.getByRole('button', { name: 'Done' }).click();

  await expect(page).toHaveURL(/channels\/accounts\?highlight=/);
  const row = page.getByRole('row', { name: /Fabrikam helpdesk/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();

  await row.getByRole('link', { name: 'Edit Fabrikam helpdesk' }).click();
  await expect(page.getByRole('heading', { name: 'Edit Fabrikam helpdesk', level: 1 })).toBeVisible();
  await expectAccessible();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Fabrikam service desk');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'Changes saved.')).toBeVisible();

  await page.getByRole('tab', { name: 'Account details' }).click();
  await expect(page.getByText(/A token ending in 7d6c/)).toBeVisible();
  await expect(page.getByText(sampleCredentials.authToken)).toHaveCount(0);
  await expectAccessible();

  await page.getByRole('tab', { name: 'WhatsApp numbers' }).click();
  await expect(page.getByText('+358401234567')).toBeVisible();
  await expect(page.getByText('+46701234567')).toBeVisible();
  await expectAccessible();

  // A third number: the seeded Nordic account has +358505550101, and the dialog says so on the field.
  await page.getByRole('button', { name: 'Add number' }).click();
  const addDialog = page.getByRole('dialog', { name: 'Add a WhatsApp number' });
  await addDialog.getByLabel('Number name').fill('Nordic copy');
  await addDialog.getByLabel('WhatsApp number').fill('+358 50 555 0101');
  await addDialog.getByRole('button', { name: 'Save' }).click();
  await expect(addDialog.getByText('Another account already uses this number.')).toBeVisible();
  await expectAccessible();
  await addDialog.getByLabel('WhatsApp number').fill('+358 9 555 0000');
  await addDialog.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'Number saved.')).toBeVisible();
  await expect(page.getByRole('cell', { name: '+35895550000', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Remove +35895550000' }).click();
  await page.getByRole('alertdialog', { name: 'Remove +35895550000?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(toast(page, 'Number removed.')).toBeVisible();
  await expect(page.getByRole('cell', { name: '+35895550000', exact: true })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Callback information' }).click();
  await expect(page.getByRole('textbox', { name: 'Inbound URL' })).toHaveValue(inboundUrl);
  await page.getByRole('link', { name: 'Back to messaging accounts' }).click();

  const renamed = page.getByRole('row', { name: /Fabrikam service desk/ });
  await renamed.getByRole('button', { name: 'Delete Fabrikam service desk' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Fabrikam service desk?' });
  await expect(dialog).toContainText('Its 2 WhatsApp numbers go with it');
  await expect(dialog).toContainText('+358401234567');
  await expect(dialog).toContainText('+46701234567');
  await expectAccessible();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(toast(page, 'Fabrikam service desk was deleted.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Fabrikam service desk/ })).toHaveCount(0);
});
