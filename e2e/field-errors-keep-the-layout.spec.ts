import type { Locator, Page } from '@playwright/test';
import { expect, sampleCredentials, test } from './fixtures';

async function openNumbersStep(page: Page) {
  await page.goto('./#/channels/accounts/new?step=details');
  // The first page of a run waits for the dev server to compile it.
  await expect(page.getByRole('heading', { name: 'Channel details' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Steady Ltd');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Account SID').fill(sampleCredentials.accountSid);
  await page.getByLabel(/^Auth token/).fill(sampleCredentials.authToken);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/step=numbers/);
}

/** The button's box once it has stopped moving (a dialog scales in when it opens). */
async function steadyBox(page: Page, button: Locator) {
  let previous = await button.boundingBox();
  for (;;) {
    await page.waitForTimeout(100);
    const box = await button.boundingBox();
    if (!box) throw new Error('the button is not on screen');
    if (previous && JSON.stringify(box) === JSON.stringify(previous)) return box;
    previous = box;
  }
}

/** Presses the mouse on the button and holds it there long enough for a blur-time validation to finish. */
async function pressAndHold(page: Page, button: Locator) {
  const box = await steadyBox(page, button);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(300);
  return box;
}

test('a click on Add number right after typing an invalid number adds the row', async ({ page }) => {
  await openNumbersStep(page);
  const first = page.getByRole('group', { name: 'Number 1' });
  await first.getByLabel('Number name').fill('Main');
  const number = first.getByLabel('WhatsApp number');
  await number.fill('12345');
  await expect(number).toBeFocused();

  // The press blurs the number field, whose error must not push the button away before the release.
  await page.getByRole('button', { name: 'Add number' }).click();
  await expect(page.getByRole('group', { name: 'Number 2' })).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
});

test('the button stays under the pointer until the press is over, then the error is shown and announced', async ({ page, expectAccessible }) => {
  await openNumbersStep(page);
  const number = page.getByRole('group', { name: 'Number 1' }).getByLabel('WhatsApp number');
  await number.fill('12345');
  const add = page.getByRole('button', { name: 'Add number' });

  const before = await pressAndHold(page, add);
  expect(await add.boundingBox()).toEqual(before);
  await expect(number).not.toHaveAttribute('aria-invalid', 'true');
  await page.mouse.up();

  await expect(page.getByRole('group', { name: 'Number 2' })).toBeVisible();
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Number 1' }).getByRole('alert').last()).toBeVisible();
  await expectAccessible();
});

test('leaving the field with the keyboard shows its error at once', async ({ page }) => {
  await openNumbersStep(page);
  const number = page.getByRole('group', { name: 'Number 1' }).getByLabel('WhatsApp number');
  await number.fill('12345');
  await page.keyboard.press('Tab');
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('group', { name: 'Number 1' }).getByRole('alert')).toBeVisible();
});

test('Save in the add-number dialog takes the click that blurs an invalid number, and shows why it cannot save', async ({ page }) => {
  await page.goto('./#/channels/accounts');
  await page.getByRole('link', { name: 'Edit Contoso Nordics' }).click();
  await page.getByRole('tab', { name: 'WhatsApp numbers' }).click();
  await page.getByRole('button', { name: 'Add number' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a WhatsApp number' });
  await dialog.getByLabel('Number name').fill('Helsinki');
  const number = dialog.getByLabel('WhatsApp number');
  await number.fill('12345');
  const save = dialog.getByRole('button', { name: 'Save' });

  const before = await pressAndHold(page, save);
  expect(await save.boundingBox()).toEqual(before);
  await page.mouse.up();
  // The click reached Save: it validated the form and moved focus to the field at fault.
  await expect(number).toHaveAttribute('aria-invalid', 'true');
  await expect(number).toBeFocused();

  await number.fill('+358 9 555 0101');
  await save.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: '+35895550101', exact: true })).toBeVisible();
});
