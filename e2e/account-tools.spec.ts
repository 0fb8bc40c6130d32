import { appHref, expect, test } from './fixtures';

// The demo's sandbox account (src/mocks/seed.ts); its checklist is green from the start.

test('an administrator verifies the credentials, syncs templates and reads the sandbox checklist, in English and Finnish', async ({ page, expectAccessible }) => {
  await page.goto(appHref('/channels/accounts'));
  await page.getByRole('link', { name: /^Sandbox checklist of Contoso support/ }).click();
  await expect(page.getByRole('heading', { name: 'Twilio sandbox checklist', level: 1 })).toBeVisible();
  await expect(page.getByText('join bright-harbor').first()).toBeVisible();
  await expect(page.getByText(/The first message arrived .+\. The sandbox works\./)).toBeVisible();
  // The demo's addresses are local: the page says Twilio cannot reach them.
  await expect(page.getByText(/Twilio cannot reach from the internet/)).toBeVisible();
  await expectAccessible();

  await page.getByRole('link', { name: /^Back to Contoso support/ }).click();
  await page.getByRole('tab', { name: 'Account details' }).click();
  await page.getByRole('button', { name: 'Verify credentials' }).click();
  await expect(page.getByText(/Twilio accepted the credentials/)).toBeVisible();
  await expectAccessible();

  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'Sync templates from Twilio' }).click();
  await expect(page.getByText('Added: 2')).toBeVisible();
  await expect(page.getByText(/Skipped 2 items Twilio has that WhatsApp cannot use/)).toBeVisible();
  await expectAccessible();

  await page.getByLabel('Language').selectOption('fi');
  await page.getByRole('tab', { name: 'Tilin tiedot' }).click();
  await page.getByRole('button', { name: 'Tarkista tunnukset' }).click();
  await expect(page.getByText(/Twilio hyväksyi/)).toBeVisible();
  await expectAccessible();
});
