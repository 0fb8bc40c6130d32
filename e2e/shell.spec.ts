import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the shell shows the navigation and says plainly which pages are not built yet', async ({ page }) => {
  await page.goto('./');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(page.getByRole('heading', { name: 'Messaging accounts' })).toBeVisible();
  await nav.getByRole('link', { name: 'Workstreams' }).click();
  await expect(page.getByRole('heading', { name: 'Workstreams is not available yet' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});
