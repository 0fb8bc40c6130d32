import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { firstAdministrator } from './credentials';

// Each test signs in on its own: signing out must not end the session other specs share.
test.use({ storageState: { cookies: [], origins: [] } });

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signOut(page: Page, name: string) {
  await page.getByRole('button', { name: `Account: ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test('a wrong password is refused in words; the right one opens the page the administrator asked for', async ({ page, expectAccessible }) => {
  await page.goto('/queues');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible();

  await signIn(page, firstAdministrator.email, 'not the password at all');
  await expect(page.getByText('The email or password is not right.')).toBeVisible();

  await signIn(page, firstAdministrator.email, firstAdministrator.password);
  await expect(page.getByRole('heading', { name: 'Queues', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/queues$/);

  await signOut(page, firstAdministrator.name);
  await page.goto('/channels/accounts');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('an agent sees conversations only; the admin pages and APIs are closed to them', async ({ page }) => {
  await page.goto('/channels/accounts');
  await signIn(page, firstAdministrator.email, firstAdministrator.password);
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();

  // The administrator adds an agent (through the API the Users page uses).
  const agent = { name: 'Eino Agent', email: `eino.${Date.now()}@example.test`, password: 'an agent password here' };
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const created = await page.request.post('/api/users', { data: { ...agent, role: 'agent' }, headers: { 'x-csrf-token': csrfToken } });
  expect(created.status()).toBe(201);
  await signOut(page, firstAdministrator.name);

  await signIn(page, agent.email, agent.password);
  const nav = page.getByRole('navigation', { name: /main/i });
  await expect(nav.getByRole('link', { name: 'Conversations' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Messaging accounts' })).toHaveCount(0);
  await page.goto('/channels/accounts');
  await expect(page.getByRole('heading', { name: 'You need the administrator role' })).toBeVisible();
  expect((await page.request.get('/api/whatsapp-accounts')).status()).toBe(403);
  await signOut(page, agent.name);
});
