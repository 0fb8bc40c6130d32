import type { Page } from '@playwright/test';
import { emptySeed } from '@/mocks/seed';
import { expect, seedDemo, test, toast } from './fixtures';

const admin = { name: 'Aino Admin', email: 'aino.admin@demo.test' };
const agent = { name: 'Eero Agent', email: 'eero.agent@demo.test' };
const DEMO_PASSWORD = 'demo-password';

function accountMenu(page: Page, name: string) {
  return page.getByRole('button', { name: `Account: ${name}` });
}

async function signOut(page: Page, name: string) {
  await accountMenu(page, name).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an agent sees only conversations; an administrator signs in again and lands where they were going', async ({
  page,
  expectAccessible,
}) => {
  await page.goto('./#/channels/accounts');
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();

  await signOut(page, admin.name);
  await expect(page).toHaveURL(/#\/sign-in$/);
  await expect(page).toHaveTitle('Sign in – WhatsApp channels admin center');
  // The demo names its users; what the hint says is what signs in below.
  const hint = page.getByText(/Sign in as the administrator/);
  await expect(hint).toContainText(admin.email);
  await expect(hint).toContainText(agent.email);
  await expect(hint).toContainText(`The password of both is ${DEMO_PASSWORD}.`);
  await expectAccessible();

  await signIn(page, agent.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/#\/conversations$/);
  await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link')).toHaveText(['Conversations']);
  await expect(accountMenu(page, agent.name)).toBeVisible();

  await page.goto('./#/queues');
  await expect(page.getByRole('heading', { name: 'You need the administrator role', level: 1 })).toBeVisible();
  await expect(page.getByText(/You are signed in as Eero Agent, who is an agent/)).toBeVisible();
  await expectAccessible();

  await signOut(page, agent.name);
  await page.goto('./#/workstreams');
  await expect(page).toHaveURL(/#\/sign-in\?next=%2Fworkstreams$/);

  await signIn(page, admin.email, 'not-the-password');
  await expect(page.getByText('The email or password is not right.')).toBeVisible();
  await expect(page.getByLabel(/^Password/)).toBeFocused();
  await expectAccessible();

  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Workstreams', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/workstreams$/);
  await expect(nav.getByRole('link')).toHaveText(['Messaging accounts', 'Workstreams', 'Queues', 'Queue overview', 'Conversations', 'Users', 'Audit log']);
});

test('a user changes their password from the keyboard and signs in with the new one', async ({ page, expectAccessible }) => {
  await page.goto('./#/queues');
  await expect(page.getByRole('heading', { name: 'Queues', level: 1 })).toBeVisible();

  await accountMenu(page, admin.name).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Notifications/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Change password' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change password' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(/^Current password/)).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await dialog.getByLabel(/^New password/).fill('a brand new demo password');
  await dialog.getByLabel(/^Repeat the password/).fill('a brand new demo password');
  await expectAccessible();
  await page.keyboard.press('Enter');
  await expect(toast(page, 'Your password was changed.')).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(accountMenu(page, admin.name)).toBeFocused();

  await signOut(page, admin.name);
  await signIn(page, admin.email, DEMO_PASSWORD);
  await expect(page.getByText('The email or password is not right.')).toBeVisible();
  await page.getByLabel(/^Password/).fill('a brand new demo password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();
});

test('an anonymous load of the sign-in page logs no warning and no error in the console', async ({ page }) => {
  await seedDemo(page, { ...emptySeed(), session: { userId: null } });
  const logged: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') logged.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => logged.push(`page error: ${error.message}`));

  await page.goto('./#/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email' })).toBeVisible();
  expect(logged).toEqual([]);
});

test.describe('the setup page', () => {
  test('creates the first administrator, who lands signed in on the accounts', async ({ page, expectAccessible }) => {
    const seed = emptySeed();
    await seedDemo(page, { ...seed, users: seed.users.filter((u) => u.role !== 'admin'), session: { userId: null } });

    await page.goto('./#/setup?token=demo-setup-token');
    await expect(page.getByRole('heading', { name: 'Create the first administrator', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Name' }).fill('Maija Meikäläinen');
    await page.getByRole('textbox', { name: 'Email' }).fill('maija@example.com');
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByLabel(/^Repeat the password/).fill('correct horse batery');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByText(/The passwords are not the same/)).toBeVisible();
    await expectAccessible();

    await page.getByLabel(/^Repeat the password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByRole('heading', { name: 'No messaging accounts yet' })).toBeVisible();
    await expect(page).toHaveURL(/#\/channels\/accounts$/);
    await expect(accountMenu(page, 'Maija Meikäläinen')).toBeVisible();
  });

  test('opened again while signed in, says the link has been used and leads into the app', async ({ page, expectAccessible }) => {
    await page.goto('./#/setup');
    await expect(page.getByRole('heading', { name: 'This setup link has been used', level: 1 })).toBeVisible();
    await expect(page.getByText('The first administrator has been created, and you are signed in as Aino Admin.')).toBeVisible();
    await expectAccessible();
    await page.getByRole('link', { name: 'Go to the admin center' }).click();
    await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();
  });

  test('once an administrator exists, someone signed out is led to sign-in', async ({ page }) => {
    await seedDemo(page, { ...emptySeed(), session: { userId: null } });
    await page.goto('./#/setup');
    await expect(page.getByRole('heading', { name: 'The admin center has an administrator', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Go to sign-in' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  });
});
