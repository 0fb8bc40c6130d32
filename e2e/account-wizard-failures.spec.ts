import type { Page } from '@playwright/test';
import { expect, sampleCredentials, test } from './fixtures';

async function fillDetailsAndAccount(page: Page, name: string) {
  await page.goto('./#/channels/accounts/new?step=details');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Account SID').fill(sampleCredentials.accountSid);
  await page.getByLabel(/^Auth token/).fill(sampleCredentials.authToken);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/step=numbers/);
}

test('a token pasted into the SID field is pointed out when the field is left and on Next', async ({ page, expectAccessible }) => {
  await page.goto('./#/channels/accounts/new?step=details');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Northwind');
  await page.getByRole('button', { name: 'Next' }).click();

  await page.getByLabel('Account SID').fill(`  ${sampleCredentials.authToken}\n`);
  await page.getByLabel(/^Auth token/).focus();
  await expect(page.getByText(/This looks like an auth token/)).toBeVisible();
  await expectAccessible();

  await page.getByLabel('Account SID').fill('AC123');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/step=account/);
  await expect(page.getByText(/exactly 32 letters a–f and digits/).first()).toBeVisible();
  await expect(page.getByText('Enter the auth token from the Twilio console.')).toBeVisible();
});

test('numbers: at least one, no duplicates, and one already used by another account', async ({ page }) => {
  await fillDetailsAndAccount(page, 'Northwind traders');

  const first = page.getByRole('group', { name: 'Number 1' });
  await page.getByRole('button', { name: 'Remove number 1' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Add at least one WhatsApp number.')).toBeVisible();

  await page.getByRole('button', { name: 'Add number' }).click();
  await first.getByLabel('Number name').fill('Main');
  await first.getByLabel('WhatsApp number').fill('+358 40 765 4321');
  await page.getByRole('button', { name: 'Add number' }).click();
  const second = page.getByRole('group', { name: 'Number 2' });
  await second.getByLabel('Number name').fill('Copy');
  await second.getByLabel('WhatsApp number').fill('whatsapp:+358407654321');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(second.getByText('This number is already in the list.')).toBeVisible();

  // The seeded Nordic account already uses +358505550101: the server says so, on that field.
  // (The sandbox number would be accepted: every Twilio account has it.)
  await second.getByLabel('WhatsApp number').fill('+358 50 555 0101');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('group', { name: 'Number 2' }).getByText('Another account already uses this number.')).toBeVisible();
  await expect(first.getByLabel('WhatsApp number')).toHaveValue('+358 40 765 4321');
  await expect(page).toHaveURL(/step=numbers/);
});

test('a name another account already has is pointed out on the first step', async ({ page }) => {
  await page.goto('./#/channels/accounts/new?step=details');
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('contoso SUPPORT (sandbox)');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Another account already has this name. Choose a different one.')).toBeVisible();
  await expect(name).toBeFocused();
  await expect(page).toHaveURL(/step=details/);
  await name.fill('Contoso support (Finland)');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/step=account/);
});

test('a server error loses nothing and Try again succeeds', async ({ page, expectAccessible }) => {
  await fillDetailsAndAccount(page, 'Adventure Works');
  const first = page.getByRole('group', { name: 'Number 1' });
  await first.getByLabel('Number name').fill('Main');
  await first.getByLabel('WhatsApp number').fill('+358409998887');

  await page.getByRole('button', { name: 'Demo controls' }).click();
  await page.getByRole('menuitem', { name: 'Make the next save fail' }).click();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByText(/Something went wrong on the server \(500\)/)).toBeVisible();
  await expect(page).toHaveURL(/step=numbers/);
  await expect(first.getByLabel('WhatsApp number')).toHaveValue('+358409998887');
  await expectAccessible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page).toHaveURL(/step=callback/);
  await expect(page.getByRole('textbox', { name: 'Inbound URL' })).toHaveValue(/webhooks\/twilio\/whatsapp\//);
});

test('a refresh keeps what was typed, except the auth token, which is asked for again', async ({ page }) => {
  await fillDetailsAndAccount(page, 'Refresh Ltd');
  await page.getByRole('group', { name: 'Number 1' }).getByLabel('WhatsApp number').fill('+358401231231');
  await page.reload();

  // Without the token the numbers step cannot be complete: the wizard goes back to where it is typed.
  await expect(page).toHaveURL(/step=account/);
  await expect(page.getByText(/the auth token is never kept/)).toBeVisible();
  await expect(page.getByLabel('Account SID')).toHaveValue(sampleCredentials.accountSid);
  await expect(page.getByLabel(/^Auth token/)).toHaveValue('');
  await page.getByLabel(/^Auth token/).fill(sampleCredentials.authToken);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('group', { name: 'Number 1' }).getByLabel('WhatsApp number')).toHaveValue('+358401231231');

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Refresh Ltd');
});

test('a deep link to a later step lands on the first incomplete step', async ({ page }) => {
  await page.goto('./#/channels/accounts/new?step=numbers');
  await expect(page).toHaveURL(/step=details/);
  await expect(page.getByRole('heading', { name: 'Channel details' })).toBeVisible();
});

test('Cancel asks before discarding what was typed', async ({ page }) => {
  await page.goto('./#/channels/accounts/new?step=details');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Not yet');
  await page.getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Discard this new account?' });
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Not yet');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();
  await page.goto('./#/channels/accounts/new?step=details');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('');
});

test('a reload brings the draft back and says the page reloaded; the token must be entered again', async ({ page }) => {
  await page.goto('./#/channels/accounts/new?step=details');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Reloaded traders');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Account SID').fill(sampleCredentials.accountSid);
  await page.getByLabel(/^Auth token/).fill(sampleCredentials.authToken);
  await expect(page.getByText(/We restored what you typed/)).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('We restored what you typed before the page reloaded. For your security the auth token is never kept: enter it again.')).toBeVisible();
  await expect(page.getByLabel('Account SID')).toHaveValue(sampleCredentials.accountSid);
  await expect(page.getByLabel(/^Auth token/)).toHaveValue('');
});
