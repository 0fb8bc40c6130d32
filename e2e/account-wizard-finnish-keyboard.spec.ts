import type { Page } from '@playwright/test';
import { expect, toast, readClipboard, sampleCredentials, test } from './fixtures';

/** Moves focus with Tab alone until the named control has it, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      const byId = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return labelled ?? byId ?? el.textContent ?? '';
    });
    if (name.test(focused.trim())) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('in Finnish: create an account with two numbers, copy its callback URL, edit and delete it', async ({ page, expectAccessible }) => {
  await page.goto('./#/channels/accounts');
  await page.getByLabel('Language').selectOption('fi');
  await expect(page.getByRole('heading', { name: 'Viestintätilit', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Viestintätilit', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  await expect(page).toHaveTitle('Viestintätilit – WhatsApp-kanavien hallintakeskus');

  await page.getByRole('link', { name: 'Uusi tili' }).click();
  await page.getByRole('textbox', { name: 'Nimi', exact: true }).fill('Kahvila Kuppi');
  await page.getByRole('button', { name: 'Seuraava' }).click();
  await page.getByLabel('Tilin SID').fill(sampleCredentials.authToken);
  await page.getByLabel(/^Todennustunnus/).focus();
  await expect(page.getByText(/Tämä näyttää todennustunnukselta/)).toBeVisible();
  await page.getByLabel('Tilin SID').fill(sampleCredentials.accountSid);
  await page.getByLabel(/^Todennustunnus/).fill(sampleCredentials.authToken);
  await expectAccessible();
  await page.getByRole('button', { name: 'Seuraava' }).click();

  await page.getByRole('group', { name: 'Numero 1' }).getByLabel('Numeron nimi').fill('Helsinki');
  await page.getByRole('group', { name: 'Numero 1' }).getByLabel('WhatsApp-numero').fill('+358 50 111 2222');
  await page.getByRole('button', { name: 'Lisää numero' }).click();
  await page.getByRole('group', { name: 'Numero 2' }).getByLabel('Numeron nimi').fill('Tampere');
  await page.getByRole('group', { name: 'Numero 2' }).getByLabel('WhatsApp-numero').fill('0501113333');
  await page.getByRole('button', { name: 'Seuraava' }).click();
  await expect(page.getByText(/Kirjoita numero kansainvälisessä muodossa/)).toBeVisible();
  await page.getByRole('group', { name: 'Numero 2' }).getByLabel('WhatsApp-numero').fill('+358501113333');
  await expectAccessible();
  await page.getByRole('button', { name: 'Seuraava' }).click();

  await expect(page.getByRole('heading', { name: 'Vastakutsun tiedot' })).toBeVisible();
  await page.getByRole('button', { name: 'Kopioi saapuvien viestien URL-osoite' }).click();
  expect(await readClipboard(page)).toBe(await page.getByRole('textbox', { name: 'Saapuvien viestien URL-osoite' }).inputValue());
  await expectAccessible();
  await page.getByRole('button', { name: 'Valmis' }).click();

  const row = page.getByRole('row', { name: /Kahvila Kuppi/ });
  await row.getByRole('link', { name: 'Muokkaa: Kahvila Kuppi' }).click();
  await page.getByRole('textbox', { name: 'Nimi', exact: true }).fill('Kahvila Kuppi Oy');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(toast(page, 'Muutokset tallennettiin.')).toBeVisible();
  await page.getByRole('link', { name: 'Takaisin viestintätileihin' }).click();

  await page.getByRole('row', { name: /Kahvila Kuppi Oy/ }).getByRole('button', { name: 'Poista: Kahvila Kuppi Oy' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Poistetaanko Kahvila Kuppi Oy?' });
  await expect(dialog).toContainText('Sen 2 WhatsApp-numeroa poistetaan samalla');
  await dialog.getByRole('button', { name: 'Poista' }).click();
  await expect(toast(page, 'Kahvila Kuppi Oy poistettiin.')).toBeVisible();
});

test('by keyboard alone: create an account, copy its callback URL, edit and delete it', async ({ page }) => {
  await page.goto('./#/channels/accounts');
  await expect(page.getByRole('heading', { name: 'Messaging accounts', level: 1 })).toBeVisible();

  await tabTo(page, /^New account$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/step=details/);
  await tabTo(page, /^Name/);
  await page.keyboard.type('Keyboard Co');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/step=account/);
  await tabTo(page, /^Account SID/);
  await page.keyboard.type(sampleCredentials.accountSid);
  await page.keyboard.press('Tab');
  await page.keyboard.type(sampleCredentials.authToken);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/step=numbers/);
  await tabTo(page, /^Number name/);
  await page.keyboard.type('Main line');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+358 40 000 1111');
  await tabTo(page, /^Add number$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Number 2' }).getByLabel('Number name')).toBeFocused();
  await page.keyboard.type('Second line');
  await page.keyboard.press('Tab');
  await page.keyboard.type('+358 40 000 2222');
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/step=callback/);
  await tabTo(page, /^Copy inbound URL$/);
  await page.keyboard.press('Enter');
  expect(await readClipboard(page)).toContain('/webhooks/twilio/whatsapp/');
  await tabTo(page, /^Done$/);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/highlight=/);
  await tabTo(page, /^Edit Keyboard Co$/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit Keyboard Co', level: 1 })).toBeVisible();
  await tabTo(page, /^Name/);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard Company');
  await page.keyboard.press('Enter');
  await expect(toast(page, 'Changes saved.')).toBeVisible();
  await tabTo(page, /^Back to messaging accounts$/);
  await page.keyboard.press('Enter');

  await tabTo(page, /^Delete Keyboard Company$/);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Delete Keyboard Company?' });
  await expect(dialog).toBeVisible();
  // The safe choice has focus first; the destructive one is one Tab away.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast(page, 'Keyboard Company was deleted.')).toBeVisible();
});
