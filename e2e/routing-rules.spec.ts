import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** "WhatsApp customer support" of the demo seed: Finnish numbers, Invoices and payments, then Billing topic (its bot's); fallback General support. */
const SUPPORT_WORKSTREAM = '8fc2e076-bd34-4127-8928-d4ef56a7b8c9';

const ruleHeadings = (page: Page) =>
  page.getByRole('list', { name: 'Routing rules, in the order they are checked' }).getByRole('heading', { level: 3 });

async function addRule(page: Page, rule: { name: string; field: string; operator: string; value: string; queue: string }) {
  await page.getByRole('button', { name: 'Add rule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add routing rule' });
  await dialog.getByRole('textbox', { name: 'Rule name' }).fill(rule.name);
  const condition = dialog.getByRole('group', { name: 'Condition 1' });
  await condition.getByRole('combobox', { name: 'Field' }).selectOption({ label: rule.field });
  await condition.getByRole('combobox', { name: 'Comparison' }).selectOption({ label: rule.operator });
  await condition.getByRole('textbox', { name: 'Value' }).fill(rule.value);
  await dialog.getByRole('combobox', { name: 'Target queue' }).selectOption({ label: rule.queue });
  return dialog;
}

// Whole flows with an axe scan per screen; on a shared machine's dev server they need more than the default time.
test.slow();

async function testRoute(page: Page, phone: string, message: string) {
  const tester = page.getByRole('region', { name: 'Rule tester' });
  await tester.getByRole('textbox', { name: 'Customer phone number' }).fill(phone);
  await tester.getByRole('textbox', { name: 'First message' }).fill(message);
  return tester.getByRole('status');
}

test('an administrator adds two rules, checks them in the tester, reorders them and saves', async ({ page, expectAccessible }) => {
  await page.goto(`./#/workstreams/${SUPPORT_WORKSTREAM}/routing`, { waitUntil: 'domcontentloaded' });
  // The first load on a busy machine's dev server can take a while.
  await expect(page.getByRole('heading', { name: 'Routing rules: WhatsApp customer support', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(ruleHeadings(page)).toHaveText(['1. Finnish numbers', '2. Invoices and payments', '3. Billing topic']);
  await expect(page.getByText('Everything no rule matches goes to the fallback queue General support.')).toBeVisible();
  await expectAccessible();

  // A rule that cannot be applied says why, at the field.
  const swedish = await addRule(page, { name: 'Swedish numbers', field: 'Customer phone number', operator: 'starts with', value: '46', queue: 'General support' });
  await swedish.getByRole('button', { name: 'Apply' }).click();
  await expect(swedish.getByText(/Write the number \(or its start\) with \+ and digits only/)).toBeVisible();
  await expectAccessible();
  await swedish.getByRole('textbox', { name: 'Value' }).fill('+46 70');
  await swedish.getByRole('button', { name: 'Apply' }).click();
  await expect(swedish).toBeHidden();

  const orders = await addRule(page, { name: 'Orders', field: 'First message', operator: 'contains', value: 'order', queue: 'Billing' });
  await orders.getByRole('button', { name: 'Apply' }).click();
  await expect(orders).toBeHidden();
  await expect(ruleHeadings(page)).toHaveText(['1. Finnish numbers', '2. Invoices and payments', '3. Billing topic', '4. Swedish numbers', '5. Orders']);
  await expect(page.getByText('Customer phone number starts with +4670')).toBeVisible();

  // The tester evaluates the unsaved list.
  await expect(await testRoute(page, 'whatsapp:+46 70 123 4567', 'Hej')).toHaveText('Matches rule 4 “Swedish numbers” → queue General support');
  await expect(await testRoute(page, '+447700900123', 'Where is my ORDER?')).toHaveText('Matches rule 5 “Orders” → queue Billing');
  await expect(await testRoute(page, '+447700900123', 'Hello')).toHaveText('No rule matches → fallback queue General support');
  const finnishOrder = await testRoute(page, '+358401234567', 'order 123');
  await expect(finnishOrder).toHaveText('Matches rule 1 “Finnish numbers” → queue Finnish customers');
  await expectAccessible();

  // Orders to the top, by keyboard: focus stays on the button as the rule moves.
  const moveUp = page.getByRole('button', { name: 'Move up: Orders' });
  await moveUp.focus();
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Enter');
    await expect(moveUp).toBeFocused();
  }
  await expect(page.getByRole('status').filter({ hasText: 'Orders moved to position 1 of 5.' })).toBeAttached();
  await expect(ruleHeadings(page)).toHaveText(['1. Orders', '2. Finnish numbers', '3. Invoices and payments', '4. Billing topic', '5. Swedish numbers']);
  await expect(finnishOrder).toHaveText('Matches rule 1 “Orders” → queue Billing');
  await expectAccessible();

  await page.getByRole('button', { name: 'Save rules' }).click();
  // Saved: nothing left to discard (the toast may come and go before a busy machine looks).
  await expect(page.getByRole('button', { name: 'Discard changes' })).toBeDisabled({ timeout: 30_000 });
  await expect(page.getByText('You have changes that are not saved yet.')).toHaveCount(0);

  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect(ruleHeadings(page)).toHaveText(['1. Orders', '2. Finnish numbers', '3. Invoices and payments', '4. Billing topic', '5. Swedish numbers'], {
    timeout: 60_000,
  });
  await expect(page.getByText('Not saved', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Discard changes' })).toBeDisabled();
});

test('the routing page in Finnish', async ({ page, expectAccessible }) => {
  await page.goto(`./#/workstreams/${SUPPORT_WORKSTREAM}/routing`, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Language').selectOption('fi');
  await expect(page.getByRole('heading', { name: 'Reitityssäännöt: WhatsApp customer support', level: 1 })).toBeVisible();
  await expect(page.getByText('Asiakkaan puhelinnumero alkaa +358')).toBeVisible();
  await expect(page.getByText('Kaikki keskustelut, joihin mikään sääntö ei täsmää, menevät varajonoon General support.')).toBeVisible();

  const tester = page.getByRole('region', { name: 'Sääntöjen testaus' });
  await tester.getByRole('textbox', { name: 'Asiakkaan puhelinnumero' }).fill('+447700900123');
  await tester.getByRole('textbox', { name: 'Ensimmäinen viesti' }).fill('Lasku: INVOICE 12');
  await expect(tester.getByRole('status')).toHaveText('Täsmää sääntöön 2 ”Invoices and payments” → jono Billing');
  await expectAccessible();

  await page.getByRole('button', { name: 'Lisää sääntö' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lisää reitityssääntö' });
  await dialog.getByRole('button', { name: 'Käytä' }).click();
  await expect(dialog.getByText('Anna säännölle nimi.')).toBeVisible();
  await expect(dialog.getByText('Valitse jono.')).toBeVisible();
  await expectAccessible();
});
