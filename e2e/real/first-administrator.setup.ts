import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '../fixtures';
import { ADMIN_STATE, SETUP_LINK_FILE, firstAdministrator } from './credentials';

test('the first administrator is created through the setup link the server printed', async ({ page, expectAccessible }) => {
  await expect.poll(() => existsSync(SETUP_LINK_FILE), { timeout: 60_000 }).toBe(true);
  const link = readFileSync(SETUP_LINK_FILE, 'utf8').trim();
  expect(link).toMatch(/\/setup#token=[\w-]{20,}$/);

  // Before setup nobody is signed in: the app sends visitors to sign-in, which says where the first administrator comes from.
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') logged.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto('/channels/accounts');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('No administrator yet')).toBeVisible();
  await expect(page.getByText(/setup link the server printed in the terminal where it was started/)).toBeVisible();
  expect(logged, 'console warnings and errors of an anonymous load').toEqual([]);

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

  // The link works once: opened again while signed in, it says so and leads back into the app.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'This setup link has been used' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the admin center' }).click();
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();

  await page.context().clearCookies();
  await page.goto(link);
  await expect(page.getByText('The admin center has an administrator')).toBeVisible();
});
