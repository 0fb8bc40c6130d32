import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures';

// A whole form on the dev server of a busy shared machine.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

/** A family and a rainbow flag (ZWJ sequences), a country flag, Arabic, Hebrew and a zero-width space. */
const NAME = '👩‍👩‍👧‍👦 🏳️‍🌈 🇫🇮 دعم العملاء שירות\u200b 24/7';

/** Puts the text on the clipboard and pastes it into the focused field, as a user would. */
async function pasteInto(page: Page, field: ReturnType<Page['getByRole']>, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.press('ControlOrMeta+V');
}

test('a queue name pasted with emoji and right-to-left text is saved and shown the same after a reload; a control character is refused on the field', async ({ page }) => {
  await page.goto('./#/queues/new');
  await expect(page.getByRole('heading', { name: 'New queue', level: 1 })).toBeVisible({ timeout: 60_000 });
  const name = page.getByRole('textbox', { name: 'Name' });

  await pasteInto(page, name, 'Tuki\u0007tiimi');
  await page.getByRole('button', { name: 'Create queue' }).click();
  await expect(page.getByText('Remove the invisible control character (such as NUL or BEL) from this text.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await pasteInto(page, name, NAME);
  await expect(name).toHaveValue(NAME);
  await page.getByRole('button', { name: 'Create queue' }).click();
  await expect(page).toHaveURL(/#\/queues\?highlight=/);

  await page.reload();
  const table = page.getByRole('table', { name: 'Queues' });
  await expect(table).toBeVisible({ timeout: 60_000 });
  const cell = table.getByRole('cell').filter({ hasText: 'שירות' }).first();
  await expect(cell).toBeVisible();
  expect(await cell.evaluate((element) => element.textContent)).toContain(NAME);
});
