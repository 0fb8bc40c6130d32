import { expect, test } from './fixtures';

test('the shell shows the navigation and says plainly which pages are not built yet', async ({ page, expectAccessible }) => {
  await page.goto('./');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Messaging accounts – WhatsApp channels admin center');
  await nav.getByRole('link', { name: 'Workstreams' }).click();
  await expect(page.getByRole('heading', { name: 'Workstreams', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Workstreams – WhatsApp channels admin center');
  await nav.getByRole('link', { name: 'Queues' }).click();
  await expect(page.getByRole('heading', { name: 'Queues', level: 1 })).toBeVisible();
  await nav.getByRole('link', { name: 'Conversations' }).click();
  await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Conversations – WhatsApp channels admin center');
  await expectAccessible();
});

test.describe('a first-time administrator', () => {
  test('sees what the page is for and is led to the wizard', async ({ page, emptyDemo: _empty, expectAccessible }) => {
    await page.goto('./#/channels/accounts');
    await expect(page.getByRole('heading', { name: 'No messaging accounts yet' })).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible();
    await page.getByRole('link', { name: 'New account' }).click();
    await expect(page.getByRole('heading', { name: 'Channel details', level: 2 })).toBeVisible();
    await expect(page).toHaveTitle('New messaging account – WhatsApp channels admin center');
  });
});
