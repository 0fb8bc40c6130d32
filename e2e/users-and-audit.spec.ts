import { appHref, expect as baseExpect, test, toast } from './fixtures';

// A whole flow with an axe scan per screen; on the dev server of a busy shared machine a lazy
// route compiles its modules on first use.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

test('add an agent, make them an administrator, find both changes in the audit log, and remove them', async ({ page, expectAccessible }) => {
  // Unique, so that the flow also runs against a real server that keeps its users between runs.
  const name = `Priya Patel ${Date.now().toString(36)}`;
  const email = `priya.${Date.now().toString(36)}@contoso.example`;
  await page.goto(appHref('/users'));
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible({ timeout: 60_000 });
  // The signed-in administrator (the demo's, or whoever the real server signed in) is marked and cannot remove themselves.
  const myRow = page.getByRole('row').filter({ has: page.getByText('You', { exact: true }) });
  const me = (await myRow.getByRole('cell').first().innerText()).replace(/\s*You$/, '').trim();
  await expect(myRow.getByRole('button', { name: `Remove ${me}` })).toHaveAttribute('aria-disabled', 'true');
  await expectAccessible();

  // Add an agent.
  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog', { name: 'Add a user' });
  await add.getByRole('textbox', { name: 'Name' }).fill(name);
  await add.getByRole('textbox', { name: 'Email' }).fill(email.replace('priya', 'Priya'));
  await expect(add.getByRole('radio', { name: /^Agent/ })).toBeChecked();
  const password = add.getByLabel(/^Initial password/).and(page.locator('input'));
  await password.fill('short');
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(add.getByText('Use at least 12 characters for the password.')).toBeVisible();
  await password.fill('a long enough password');
  await expectAccessible();
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(toast(page, `${name} was added. They can sign in with the password you gave.`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText(email);
  await expect(row).toContainText('Agent');
  await expect(row).toContainText('Never');

  // Change their role.
  await row.getByRole('button', { name: `Edit ${name}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${name}` });
  await edit.getByRole('radio', { name: /^Administrator/ }).check();
  await expectAccessible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, `Changes to ${name} saved.`)).toBeVisible();
  await expect(row).toContainText('Administrator');

  // The audit log has both changes; filtered to users, by the administrator who made them.
  await nav.getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Record type' }).selectOption({ label: 'User' });
  await page.getByRole('combobox', { name: 'User', exact: true }).selectOption({ label: me });
  await expect(page).toHaveURL(/entityType=user/);
  await expect(page).toHaveURL(/actorId=/);
  const log = page.getByRole('table', { name: 'Changes, newest first' });
  const entries = log.getByRole('row').filter({ hasText: name });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Changed');
  await expect(entries.nth(0)).toContainText('Role');
  await expect(entries.nth(0)).toContainText(me);
  await expect(entries.nth(1)).toContainText('Created');
  await expectAccessible();

  // Remove them, after confirming.
  await nav.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: `Remove ${name}` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove ${name}?` });
  await expect(confirm).toContainText('can no longer sign in');
  await expectAccessible();
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(toast(page, `${name} was removed.`)).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: name }).first()).toContainText('Deleted');
});
