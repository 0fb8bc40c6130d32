import type { Page } from '@playwright/test';
import { expect as baseExpect, test, toast } from './fixtures';

// Whole flows with an axe scan per screen. On the dev server of a busy shared machine a lazy
// route or a first load compiles its modules on demand, which can take longer than usual.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

async function openQueues(page: Page, heading: string) {
  await page.goto('./#/queues');
  await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible({ timeout: 60_000 });
}

test('create a queue with a member chosen from the users and weekday hours, edit it, meet the guard on a queue in use, and delete the new one', async ({ page, expectAccessible }) => {
  await openQueues(page, 'Queues');
  await expect(page.getByRole('row', { name: /General support/ })).toContainText('Always open');
  await expectAccessible();

  await page.getByRole('link', { name: 'New queue' }).click();
  await expect(page.getByRole('heading', { name: 'New queue', level: 1 })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name' }).fill('Weekend overflow');
  await page.getByRole('spinbutton', { name: 'Priority' }).fill('4');
  // Members are users, found by name or e-mail with their presence.
  await page.getByRole('combobox', { name: 'Add member' }).click();
  await page.keyboard.type('sam');
  await page.getByRole('option', { name: /Sam Taylor/ }).click();
  await expect(page.getByRole('list', { name: 'Members' })).toContainText('Sam Taylor');
  await page.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Helsinki');
  await page.getByRole('button', { name: 'Weekdays 9–17' }).click();
  await expect(page.getByRole('group', { name: /^Period \d$/ })).toHaveCount(5);
  await expectAccessible();
  await page.getByRole('button', { name: 'Create queue' }).click();

  await expect(toast(page, 'Weekend overflow was created.')).toBeVisible();
  const row = page.getByRole('row', { name: /Weekend overflow/ });
  await expect(row).toContainText('Mon–Fri 09:00–17:00 (Europe/Helsinki)');
  await expect(row).toContainText('Not used');

  await row.getByRole('link', { name: 'Edit Weekend overflow' }).click();
  await expect(page.getByRole('heading', { name: 'Edit Weekend overflow', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Members' })).toContainText('sam.taylor@contoso.example');
  await page.getByRole('spinbutton', { name: 'Priority' }).fill('1');
  await page.getByRole('button', { name: 'Add period' }).click();
  const saturday = page.getByRole('group', { name: 'Period 6' });
  await saturday.getByRole('combobox', { name: 'Day' }).selectOption('sat');
  await saturday.getByRole('textbox', { name: 'Opens' }).fill('10:00');
  await saturday.getByRole('textbox', { name: 'Closes' }).fill('09:00');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(saturday.getByText('The closing time must be later than the opening time.')).toBeVisible();
  await saturday.getByRole('textbox', { name: 'Closes' }).fill('14:00');
  await expectAccessible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'Changes saved.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to queues' }).click();

  // Priority 1 puts it first; Saturday has other hours than the weekdays.
  await expect(page.getByRole('row').nth(1)).toContainText('Weekend overflow');
  await expect(row).toContainText('Mon–Fri 09:00–17:00; Sat 10:00–14:00 (Europe/Helsinki)');

  await page.getByRole('button', { name: 'Delete General support' }).click();
  const guard = page.getByRole('alertdialog', { name: 'General support cannot be deleted yet' });
  await expect(guard.getByRole('link', { name: 'Workstream “WhatsApp customer support” falls back to it' })).toBeVisible();
  await expect(guard.getByRole('link', { name: 'Workstream “Nordic sales” falls back to it' })).toBeVisible();
  await expect(guard.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expectAccessible();
  await guard.getByRole('button', { name: 'Close' }).click();
  await expect(guard).toBeHidden();

  await row.getByRole('button', { name: 'Delete Weekend overflow' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Weekend overflow?' });
  await expect(confirm).toContainText('Sam Taylor');
  await expectAccessible();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(toast(page, 'Weekend overflow was deleted.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await expectAccessible();
});

test('in Finnish: create a queue, see it summarised in Finnish, and meet the guard', async ({ page, expectAccessible }) => {
  await page.addInitScript(() => localStorage.setItem('whatsapp-admin-language', 'fi'));
  await openQueues(page, 'Jonot');
  await expect(page).toHaveTitle('Jonot – WhatsApp-kanavien hallintakeskus');
  await expect(page.getByRole('row', { name: /Finnish customers/ })).toContainText('ma–pe 08:00–17:00 (Europe/Helsinki)');
  await expectAccessible();

  await page.getByRole('link', { name: 'Uusi jono' }).click();
  await page.getByRole('button', { name: 'Luo jono' }).click();
  await expect(page.getByText('Anna nimi.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Nimi' }).fill('Iltavuoro');
  await page.getByRole('combobox', { name: 'Lisää jäsen' }).click();
  await page.keyboard.type('aino');
  await page.getByRole('option', { name: /Aino Virtanen/ }).click();
  await expect(page.getByRole('list', { name: 'Jäsenet' })).toContainText('Aino Virtanen');
  await page.getByRole('radio', { name: 'Aina auki' }).check();
  await expectAccessible();
  await page.getByRole('button', { name: 'Luo jono' }).click();

  await expect(toast(page, 'Jono Iltavuoro luotiin.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Iltavuoro/ })).toContainText('Aina auki');
  await page.getByRole('button', { name: 'Poista jono Billing' }).click();
  const guard = page.getByRole('alertdialog', { name: 'Jonoa Billing ei voi vielä poistaa' });
  await expect(guard).toContainText('Työnkulun ”WhatsApp customer support” sääntö ”Invoices and payments” ohjaa keskusteluja siihen');
  await expectAccessible();
});
