import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { ADMIN_STATE, SETUP_LINK_FILE, firstAdministrator } from './credentials';

test('the first administrator is created through the setup link the server printed', async ({ page, expectAccessible }) => {
  await expect.poll(() => existsSync(SETUP_LINK_FILE), { timeout: 60_000 }).toBe(true);
  const link = readFileSync(SETUP_LINK_FILE, 'utf8').trim();
  expect(link).toMatch(/\/setup#token=[\w-]{20,}$/);

  // Before setup nobody is signed in: the app sends visitors to sign-in.
  await page.goto('/channels/accounts');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  await expectAccessible();
  await page.getByRole('textbox', { name: 'Name' }).fill(firstAdministrator.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(firstAdministrator.email);
  await page.getByLabel(/^Password/).fill(firstAdministrator.password);
  await page.getByLabel(/^Repeat the password/).fill(firstAdministrator.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();

  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: `Account: ${firstAdministrator.name}` })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });

  // The link works once.
  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText('The admin center has an administrator')).toBeVisible();
});
