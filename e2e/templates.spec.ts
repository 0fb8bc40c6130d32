import type { Page } from '@playwright/test';
import { expect as baseExpect, openAccounts, test, toast } from './fixtures';

// The dev server loads each lazy route on first use; on a busy machine that outlasts the default wait.
const expect = baseExpect.configure({ timeout: 30_000 });

const SANDBOX_ACCOUNT = 'Contoso support (sandbox)';

/** The seeded sandbox account's link in the accounts list; the dev server's first load can be slow. */
async function sandboxAccountLink(page: Page) {
  const link = page.getByRole('link', { name: /Contoso support \(sandbox\)/ }).first();
  await expect(link).toBeVisible({ timeout: 180_000 });
  return link;
}

// Whole flows with several axe scans; on the dev server the first page load alone can take minutes.
test.slow();

async function openTemplatesTab(page: Page) {
  await openAccounts(page);
  await (await sandboxAccountLink(page)).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(SANDBOX_ACCOUNT);
  await page.getByRole('tab', { name: 'Templates' }).click();
  await expect(page).toHaveURL(/tab=templates/);
}

test('an administrator adds a template with a variable, previews it, and adds its Finnish translation', async ({ page, expectAccessible }) => {
  await openTemplatesTab(page);
  const followUp = page.getByRole('region', { name: 'follow_up' });
  await expect(followUp.getByText('Missing: Finnish')).toBeVisible();
  await expect(page.getByRole('region', { name: 'order_update' }).getByRole('row')).toHaveCount(3);
  await expectAccessible();

  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New message template' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('delivery_slot');
  const language = dialog.getByRole('combobox', { name: /^Language/ });
  await language.click();
  await language.pressSequentially('engl');
  await page.getByRole('option', { name: /^English \(en\)$/ }).click();
  await expect(language).toHaveValue('English');

  const body = dialog.getByRole('textbox', { name: /^Message text/ });
  const preview = dialog.getByRole('region', { name: 'Preview' });
  await body.fill('Hi ');
  await body.press('End');
  await dialog.getByRole('button', { name: 'Insert variable {{1}}' }).click();
  await expect(body).toBeFocused();
  await page.keyboard.type(', choose a delivery slot for your order.');
  await expect(body).toHaveValue('Hi {{1}}, choose a delivery slot for your order.');
  await expect(preview).toContainText('Hi {{1}}, choose a delivery slot for your order.');
  await expect(dialog.getByText('48 / 1,024 characters')).toBeVisible();

  await dialog.getByRole('textbox', { name: /^Example for \{\{1\}\}/ }).fill('Maria');
  await expect(preview).toContainText('Hi Maria, choose a delivery slot for your order.');
  await expectAccessible();

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'Template delivery_slot saved.')).toBeVisible();
  await expect(dialog).toBeHidden();
  const group = page.getByRole('region', { name: 'delivery_slot' });
  await expect(group.getByRole('row', { name: /English/ })).toContainText('Draft');
  await expect(group.getByText('Missing: Finnish')).toBeVisible();
  await expectAccessible();

  await group.getByRole('button', { name: 'Add a translation of delivery_slot' }).click();
  const translate = page.getByRole('dialog', { name: 'Translate delivery_slot' });
  await expect(translate.getByRole('textbox', { name: /^Name/ })).toHaveValue('delivery_slot');
  await expect(translate.getByRole('combobox', { name: /^Language/ })).toHaveValue('Finnish');
  await translate.getByRole('textbox', { name: /^Message text/ }).fill('Hei {{1}}, valitse tilauksellesi toimitusaika.');
  await translate.getByRole('textbox', { name: /^Example for \{\{1\}\}/ }).fill('Maria');
  await expect(translate.getByRole('region', { name: 'Preview' })).toContainText('Hei Maria, valitse tilauksellesi toimitusaika.');
  await expectAccessible();
  await translate.getByRole('button', { name: 'Save' }).click();
  await expect(translate).toBeHidden();

  await expect(group.getByRole('row')).toHaveCount(3);
  await expect(group.getByRole('row', { name: /Finnish/ })).toContainText('Draft');
  await expect(group.getByText(/^Missing/)).toHaveCount(0);

  // Bad input is refused with a specific message at the field.
  await page.getByRole('button', { name: 'New template' }).click();
  const invalid = page.getByRole('dialog', { name: 'New message template' });
  await invalid.getByRole('textbox', { name: /^Name/ }).fill('Delivery Slot');
  await invalid.getByRole('textbox', { name: /^Message text/ }).fill('Hi {{1}} {{2}}');
  await invalid.getByRole('button', { name: 'Save' }).click();
  await expect(invalid.getByText('Use only lowercase letters a–z, digits and underscores, for example order_update.')).toBeVisible();
  await expect(invalid.getByText('Put some text between two variables; WhatsApp rejects variables side by side.')).toBeVisible();
  await expect(invalid.getByText('Choose a language.')).toBeVisible();
  await expectAccessible();
  // What was typed is not thrown away without asking.
  await invalid.getByRole('button', { name: 'Cancel' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Close without saving?' });
  await expectAccessible();
  await ask.getByRole('button', { name: 'Discard' }).click();
  await expect(invalid).toBeHidden();
});

test('in Finnish: the templates tab, missing languages and the editor', async ({ page, expectAccessible }) => {
  await openAccounts(page);
  const link = await sandboxAccountLink(page);
  await page.getByLabel('Language').selectOption('fi');
  await link.click();
  await page.getByRole('tab', { name: 'Viestimallit' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Viestimallit' })).toBeVisible();
  const orderUpdate = page.getByRole('region', { name: 'order_update' });
  await expect(orderUpdate.getByRole('row', { name: /Suomi/ })).toContainText('Hyväksytty');
  await expect(page.getByRole('region', { name: 'follow_up' }).getByText('Puuttuu: Suomi')).toBeVisible();
  await expect(page.getByRole('region', { name: 'spring_offer' })).toContainText('Syy: Promotional content needs an opt-out line.');
  await expectAccessible();

  await page.getByRole('region', { name: 'follow_up' }).getByRole('button', { name: 'Lisää käännös mallista follow_up' }).click();
  const dialog = page.getByRole('dialog', { name: 'Käännä malli follow_up' });
  await expect(dialog.getByRole('combobox', { name: /^Kieli/ })).toHaveValue('Suomi');
  await expect(dialog.getByRole('radio', { name: /^Palvelu/ })).toBeChecked();
  await dialog.getByRole('textbox', { name: /^Viestin teksti/ }).fill('Hei {{1}}, palaamme kysymykseesi.');
  await dialog.getByRole('textbox', { name: /^Esimerkki muuttujalle \{\{1\}\}/ }).fill('Maria');
  await expect(dialog.getByRole('region', { name: 'Esikatselu' })).toContainText('Hei Maria, palaamme kysymykseesi.');
  await expect(dialog.getByText('33 / 1 024 merkkiä')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Hylätty' }).click();
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(dialog.getByText('Kirjoita, miksi viestimalli hylättiin.')).toBeVisible();
  await expectAccessible();
  await dialog.getByRole('radio', { name: 'Luonnos' }).click();
  await dialog.getByRole('button', { name: 'Tallenna' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'follow_up' }).getByRole('row', { name: /Suomi/ })).toContainText('Luonnos');
  await expectAccessible();
});
