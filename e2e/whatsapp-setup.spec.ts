import { expect, test, toast } from './fixtures';

/** The demo seed's "Nordic sales" workstream (demoIds.salesWorkstream): not set up yet. */
const NORDIC_SALES = '90d3f187-ce45-4238-9a39-e5f067b8c9da';
/** The seeded "WhatsApp customer support" (demoIds.supportWorkstream): set up on the sandbox number. */
const CUSTOMER_SUPPORT = '8fc2e076-bd34-4127-8928-d4ef56a7b8c9';

/** The first page of a test may wait for the dev server to compile the app; later ones do not. */
const FIRST_LOAD = { timeout: 90_000 };

test('an administrator sets up WhatsApp on a workstream and reopens it with its values', async ({ page, expectAccessible }) => {
  await page.goto(`./#/workstreams/${NORDIC_SALES}`);
  await expect(page.getByRole('heading', { name: 'Nordic sales', level: 1 })).toBeVisible(FIRST_LOAD);
  const whatsapp = page.getByRole('region', { name: 'WhatsApp', exact: true });
  await expect(whatsapp.getByText(/WhatsApp is not set up on this workstream yet/)).toBeVisible();
  await expectAccessible();
  await whatsapp.getByRole('link', { name: 'Set up WhatsApp' }).click();

  // 1. Number: the sandbox number serves the seeded support workstream; the Nordic numbers are free.
  await expect(page).toHaveURL(/whatsapp\?step=number/);
  await expect(page.getByRole('heading', { name: 'Set up WhatsApp for Nordic sales', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Twilio sandbox.*Used by WhatsApp customer support/ })).toBeDisabled();
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Choose a WhatsApp number.')).toBeVisible();
  await page.getByRole('radio', { name: /^Helsinki service/ }).check();
  await page.getByRole('button', { name: 'Next' }).click();

  // 2. Language, searched by name.
  await expect(page).toHaveURL(/step=language/);
  const language = page.getByRole('main').getByRole('combobox', { name: 'Language' });
  await language.click();
  await language.pressSequentially('finn');
  await page.getByRole('option', { name: 'Finnish (fi)' }).click();
  await expect(language).toHaveValue('Finnish (fi)');
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();

  // 3. Behaviors: a greeting in Finnish and English, a survey link.
  await expect(page).toHaveURL(/step=behaviors/);
  const greeting = page.getByRole('region', { name: 'Greeting' });
  await greeting.getByRole('switch', { name: 'Send a greeting' }).check();
  await greeting.getByRole('textbox', { name: 'Greeting in Finnish (fi)' }).fill('Hei! Kiitos viestistäsi, vastaamme pian.');
  await greeting.getByRole('button', { name: 'Add a text in another language' }).click();
  await greeting.getByRole('combobox', { name: 'Language of text 2' }).selectOption('en');
  await greeting.getByRole('textbox', { name: 'Greeting in English (en)' }).fill('Hi! Thanks for your message.');
  const survey = page.getByRole('region', { name: 'Post-conversation survey' });
  await survey.getByRole('radio', { name: 'Send a link to a survey' }).check();
  await survey.getByRole('textbox', { name: 'Survey link' }).fill('survey.contoso.com');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(survey.getByText('Enter a full link that starts with https://.')).toBeVisible();
  await survey.getByRole('textbox', { name: 'Survey link' }).fill('https://survey.contoso.com/nordic');
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();

  // 4. User features.
  await expect(page).toHaveURL(/step=features/);
  await expect(page.getByText(/up to 16 MB \(images up to 5 MB\)/)).toBeVisible();
  await page.getByRole('switch', { name: 'Customers can send attachments' }).check();
  await page.getByRole('switch', { name: 'Agents can send attachments' }).check();
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();

  // 5. Summary, with a detour through an Edit link.
  await expect(page).toHaveURL(/step=summary/);
  await expect(page.getByRole('region', { name: 'WhatsApp number' })).toContainText('Contoso Nordics');
  await expect(page.getByRole('region', { name: 'Behaviors' })).toContainText('On: Finnish (fi), English (en)');
  await expect(page.getByRole('region', { name: 'Behaviors' })).toContainText('Link: https://survey.contoso.com/nordic');
  await expectAccessible();
  await page.getByRole('link', { name: 'Edit User features' }).click();
  await expect(page).toHaveURL(/step=features/);
  await expect(page.getByRole('switch', { name: 'Agents can send attachments' })).toBeChecked();
  // The edited step leads straight back to the summary.
  await page.getByRole('button', { name: 'Back to Summary' }).click();
  await expect(page).toHaveURL(/step=summary$/);
  await page.getByRole('button', { name: 'Finish' }).click();

  await expect(page).toHaveURL(new RegExp(`#/workstreams/${NORDIC_SALES}$`));
  await expect(toast(page, 'WhatsApp is set up on Nordic sales.')).toBeVisible();
  await expect(whatsapp).toContainText('Helsinki service');
  await expect(whatsapp).toContainText('Finnish (fi)');
  await expectAccessible();

  // Reopen: the same steps, with the saved values.
  await page.goto(`./#/workstreams/${NORDIC_SALES}`);
  await whatsapp.getByRole('link', { name: 'Edit setup' }).click();
  await expect(page.getByRole('radio', { name: /^Helsinki service/ })).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('main').getByRole('combobox', { name: 'Language' })).toHaveValue('Finnish (fi)');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('textbox', { name: 'Greeting in English (en)' })).toHaveValue('Hi! Thanks for your message.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page).toHaveURL(new RegExp(`#/workstreams/${NORDIC_SALES}$`));
  await expect(whatsapp.getByRole('button', { name: 'Remove WhatsApp setup' })).toBeVisible();

});

test('removing the setup of a workstream asks first and frees its number for another', async ({ page, expectAccessible }) => {
  await page.goto(`./#/workstreams/${CUSTOMER_SUPPORT}`);
  await expect(page.getByRole('heading', { name: 'WhatsApp customer support', level: 1 })).toBeVisible(FIRST_LOAD);
  const whatsapp = page.getByRole('region', { name: 'WhatsApp', exact: true });
  await expect(whatsapp).toContainText('Twilio sandbox');
  await whatsapp.getByRole('button', { name: 'Remove WhatsApp setup' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove the WhatsApp setup of WhatsApp customer support?' });
  await expect(dialog).toContainText('is freed and can be used by another workstream');
  await expect(dialog).toContainText('New WhatsApp conversations stop arriving on this workstream');
  await expectAccessible();
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(toast(page, 'The WhatsApp setup of WhatsApp customer support was removed.')).toBeVisible();
  await expect(whatsapp.getByRole('link', { name: 'Set up WhatsApp' })).toBeVisible();
  await expectAccessible();

  // The sandbox number is free now: another workstream can take it.
  await page.goto(`./#/workstreams/${NORDIC_SALES}/whatsapp`);
  await expect(page.getByRole('radio', { name: /^Twilio sandbox, \+14155238886$/ })).toBeEnabled();
});

test('in Finnish: the wizard speaks Finnish and names the languages in Finnish', async ({ page, expectAccessible }) => {
  await page.goto(`./#/workstreams/${NORDIC_SALES}/whatsapp`);
  await expect(page.getByRole('heading', { name: 'Set up WhatsApp for Nordic sales', level: 1 })).toBeVisible(FIRST_LOAD);
  await page.getByRole('banner').getByLabel('Language').selectOption('fi');
  await expect(page.getByRole('heading', { name: 'Määritä WhatsApp: Nordic sales', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Twilio sandbox.*Käytössä: WhatsApp customer support/ })).toBeDisabled();
  await expectAccessible();
  await page.getByRole('radio', { name: /^Stockholm service/ }).check();
  await page.getByRole('button', { name: 'Seuraava' }).click();

  const language = page.getByRole('main').getByRole('combobox', { name: 'Kieli' });
  await language.click();
  await language.pressSequentially('ruotsi');
  await page.getByRole('option', { name: 'Ruotsi (sv)' }).click();
  await expectAccessible();
  await page.getByRole('button', { name: 'Seuraava' }).click();

  await page.getByRole('switch', { name: 'Lähetä viesti aukioloajan ulkopuolella' }).check();
  await page.getByRole('button', { name: 'Seuraava' }).click();
  await expect(page.getByText('Kirjoita viesti tai poista se käytöstä.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Aukioloajan ulkopuolella: Ruotsi (sv)' }).fill('Vi har stängt just nu.');
  await page.getByRole('radio', { name: 'Lähetä kysymys tekstinä' }).check();
  await page.getByRole('textbox', { name: 'Kyselyn teksti' }).fill('Hur gick det? Svara 1–5.');
  await expectAccessible();
  await page.getByRole('button', { name: 'Seuraava' }).click();

  await page.getByRole('switch', { name: 'Asiakkaat voivat lähettää liitetiedostoja' }).check();
  await expectAccessible();
  await page.getByRole('button', { name: 'Seuraava' }).click();

  await expect(page.getByRole('region', { name: 'Toimintatavat' })).toContainText('Käytössä: Ruotsi (sv)');
  await expect(page.getByRole('region', { name: 'Toimintatavat' })).toContainText('Teksti: Hur gick det? Svara 1–5.');
  await expectAccessible();
  await page.getByRole('button', { name: 'Valmis', exact: true }).click();
  await expect(toast(page, 'WhatsApp on määritetty työnkulkuun Nordic sales.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'WhatsApp', exact: true })).toContainText('Stockholm service');
  await expectAccessible();
});
