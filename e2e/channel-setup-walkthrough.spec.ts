import type { Page } from '@playwright/test';
import { appHref, expect as baseExpect, sampleCredentials, test, toast } from './fixtures';

// The whole second half of the reference, from an empty demo, as a new administrator walks it.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

async function createAccount(page: Page) {
  await page.goto(appHref('/channels/accounts/new'));
  await expect(page.getByRole('heading', { name: 'Channel details' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Contoso helpdesk');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Account SID').fill(sampleCredentials.accountSid);
  await page.getByLabel(/^Auth token/).fill(sampleCredentials.authToken);
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Use the Twilio sandbox number' }).click();
  await page.getByRole('button', { name: 'Add number' }).click();
  const second = page.getByRole('group', { name: 'Number 2' });
  await second.getByLabel('Number name').fill('Helsinki line');
  await second.getByLabel('WhatsApp number').fill('+358 50 123 4567');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('heading', { name: 'Callback information' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(toast(page, 'Contoso helpdesk was created.')).toBeVisible();
}

async function createQueue(page: Page, name: string) {
  await page.goto(appHref('/queues/new'));
  await expect(page.getByRole('heading', { name: 'New queue', level: 1 })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Create queue' }).click();
  await expect(toast(page, `${name} was created.`)).toBeVisible();
}

test('a new administrator sets up a WhatsApp channel end to end: workstream, WhatsApp setup in Finnish, template, rules, and the guard on the bound number', async ({
  page,
  emptyDemo,
  expectAccessible,
}) => {
  void emptyDemo;
  await createAccount(page);
  await createQueue(page, 'Support');
  await createQueue(page, 'Finnish customers');

  // Workstream.
  await page.getByRole('link', { name: 'Workstreams' }).click();
  await expect(page.getByRole('heading', { name: 'Workstreams', level: 1 })).toBeVisible();
  await expectAccessible();
  await page.getByRole('link', { name: 'New workstream' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Customer care');
  await page.getByRole('combobox', { name: 'Fallback queue' }).selectOption({ label: 'Support' });
  await page.getByRole('button', { name: 'Create workstream' }).click();
  await expect(toast(page, 'Customer care was created. Next, set up WhatsApp on it.')).toBeVisible();

  // Set up WhatsApp on it: the sandbox number, Finnish, a greeting, attachments.
  await page.getByRole('link', { name: 'Set up WhatsApp for Customer care' }).click();
  await expect(page.getByRole('heading', { name: 'Set up WhatsApp for Customer care', level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: /^Twilio sandbox/ }).check();
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();
  const language = page.getByRole('main').getByRole('combobox', { name: 'Language' });
  await language.click();
  await language.pressSequentially('finn');
  await page.getByRole('option', { name: 'Finnish (fi)' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const greeting = page.getByRole('region', { name: 'Greeting' });
  await greeting.getByRole('switch', { name: 'Send a greeting' }).check();
  await greeting.getByRole('textbox', { name: 'Greeting in Finnish (fi)' }).fill('Hei! Kiitos viestistäsi, vastaamme pian.');
  await expectAccessible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('switch', { name: 'Customers can send attachments' }).check();
  await page.getByRole('switch', { name: 'Agents can send attachments' }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('region', { name: 'WhatsApp number' })).toContainText('Contoso helpdesk');
  await expectAccessible();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(toast(page, 'WhatsApp is set up on Customer care.')).toBeVisible();
  const whatsapp = page.getByRole('region', { name: 'WhatsApp', exact: true });
  await expect(whatsapp).toContainText('+14155238886');
  await expect(whatsapp).toContainText('Finnish (fi)');

  // Two routing rules, checked in the tester before they are saved.
  await page.getByRole('link', { name: 'Add routing rules' }).click();
  await expect(page.getByRole('heading', { name: 'Routing rules: Customer care', level: 1 })).toBeVisible();
  for (const rule of [
    { name: 'Finnish numbers', field: 'Customer phone number', operator: 'starts with', value: '+358', queue: 'Finnish customers' },
    { name: 'Invoices', field: 'First message', operator: 'contains', value: 'invoice', queue: 'Support' },
  ]) {
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add routing rule' });
    await dialog.getByRole('textbox', { name: 'Rule name' }).fill(rule.name);
    const condition = dialog.getByRole('group', { name: 'Condition 1' });
    await condition.getByRole('combobox', { name: 'Field' }).selectOption({ label: rule.field });
    await condition.getByRole('combobox', { name: 'Comparison' }).selectOption({ label: rule.operator });
    await condition.getByRole('textbox', { name: 'Value' }).fill(rule.value);
    await dialog.getByRole('combobox', { name: 'Target queue' }).selectOption({ label: rule.queue });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
  }
  const tester = page.getByRole('region', { name: 'Rule tester' });
  await tester.getByRole('textbox', { name: 'Customer phone number' }).fill('+358 40 765 4321');
  await tester.getByRole('textbox', { name: 'First message' }).fill('Hei');
  await expect(tester.getByRole('status')).toHaveText('Matches rule 1 “Finnish numbers” → queue Finnish customers');
  await tester.getByRole('textbox', { name: 'Customer phone number' }).fill('+44 7700 900123');
  await tester.getByRole('textbox', { name: 'First message' }).fill('A question about my INVOICE');
  await expect(tester.getByRole('status')).toHaveText('Matches rule 2 “Invoices” → queue Support');
  await tester.getByRole('textbox', { name: 'First message' }).fill('Hello');
  await expect(tester.getByRole('status')).toHaveText('No rule matches → fallback queue Support');
  await expectAccessible();
  await page.getByRole('button', { name: 'Save rules' }).click();
  await expect(page.getByText('You have changes that are not saved yet.')).toHaveCount(0);
  await expect(page.getByText('Not saved', { exact: true })).toHaveCount(0);

  // A template with a variable, previewed before it is saved.
  await page.getByRole('link', { name: 'Messaging accounts' }).click();
  await page.getByRole('link', { name: 'Edit Contoso helpdesk' }).click();
  await page.getByRole('tab', { name: 'Templates' }).click();
  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('dialog', { name: 'New message template' });
  await editor.getByRole('textbox', { name: /^Name/ }).fill('appointment_reminder');
  const templateLanguage = editor.getByRole('combobox', { name: /^Language/ });
  await templateLanguage.click();
  await templateLanguage.pressSequentially('finn');
  await page.getByRole('option', { name: /^Finnish \(fi\)$/ }).click();
  await editor.getByRole('textbox', { name: /^Message text/ }).fill('Hei {{1}}, muistutus huomisesta ajastasi.');
  await editor.getByRole('textbox', { name: /^Example for \{\{1\}\}/ }).fill('Maria');
  await expect(editor.getByRole('region', { name: 'Preview' })).toContainText('Hei Maria, muistutus huomisesta ajastasi.');
  await expectAccessible();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'Template appointment_reminder saved.')).toBeVisible();

  // The number serves a workstream: it cannot be removed, nor the account deleted, until the setup goes.
  await page.getByRole('tab', { name: 'WhatsApp numbers' }).click();
  const sandboxRow = page.getByRole('row', { name: /\+14155238886/ });
  await expect(sandboxRow.getByRole('link', { name: 'Customer care' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove +14155238886' }).click();
  const guard = page.getByRole('alertdialog', { name: '+14155238886 cannot be removed yet' });
  await expect(guard).toContainText('The workstream Customer care receives WhatsApp conversations on this number.');
  await expect(guard.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await expectAccessible();
  await guard.getByRole('button', { name: 'Close' }).click();
  await expect(guard).toBeHidden();

  await page.getByRole('link', { name: 'Back to messaging accounts' }).click();
  await page.getByRole('button', { name: 'Delete Contoso helpdesk' }).click();
  const accountGuard = page.getByRole('alertdialog', { name: 'Contoso helpdesk cannot be deleted yet' });
  await expect(accountGuard.getByRole('link', { name: '+14155238886 is used by Customer care' })).toBeVisible();
  await expectAccessible();
  await accountGuard.getByRole('link', { name: '+14155238886 is used by Customer care' }).click();
  await expect(page.getByRole('heading', { name: 'Customer care', level: 1 })).toBeVisible();
});
