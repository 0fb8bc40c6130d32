import { expect as baseExpect, test, toast } from './fixtures';

// Long flows through a form of many fields, with an axe scan per screen: more time than usual.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

test('an administrator creates a workstream with a fallback queue and a context variable, edits it and deletes it', async ({
  page,
  expectAccessible,
}) => {
  await page.goto('./#/workstreams');
  await expect(page.getByRole('heading', { name: 'Workstreams', level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('row', { name: /Nordic sales/ })).toContainText('Not set up');
  await expectAccessible();

  await page.getByRole('link', { name: 'New workstream' }).click();
  await expect(page.getByRole('heading', { name: 'New workstream', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Push' })).toBeChecked();
  await expectAccessible();

  // Nothing filled in: each required field says what it needs.
  await page.getByRole('button', { name: 'Create workstream' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expect(page.getByText('Choose a queue.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expectAccessible();

  await page.getByRole('textbox', { name: 'Name' }).fill('Returns desk');
  await page.getByRole('radio', { name: 'Pick' }).check();
  await page.getByRole('combobox', { name: 'Fallback queue' }).selectOption({ label: 'Billing' });
  await page.getByRole('button', { name: 'Context variables' }).click();
  await page.getByRole('button', { name: 'Add context variable' }).click();
  const variable = page.getByRole('group', { name: 'Context variable 1' });
  await variable.getByRole('textbox', { name: 'Name' }).fill('orderNumber');
  await variable.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Number' });
  await expectAccessible();
  await page.getByRole('button', { name: 'Create workstream' }).click();

  await expect(page).toHaveURL(/#\/workstreams\?highlight=/);
  await expect(toast(page, 'Returns desk was created. Next, set up WhatsApp on it.')).toBeVisible();
  const row = page.getByRole('row', { name: /Returns desk/ });
  await expect(row.getByRole('cell')).toHaveText(['Returns desk', 'Pick', 'Billing', /Not set up/, '0', /Edit/]);
  await expect(row.getByRole('link', { name: 'Set up WhatsApp for Returns desk' })).toBeVisible();
  await expectAccessible();

  await row.getByRole('link', { name: 'Edit Returns desk' }).click();
  await expect(page.getByRole('heading', { name: 'Returns desk', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Pick' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Pick' })).toBeDisabled();
  await expect(page.getByRole('radio', { name: 'Push' })).toBeDisabled();
  await expect(page.getByText(/The mode cannot be changed after the workstream is created/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Routing rules' })).toContainText('No routing rules yet');
  await page.getByRole('button', { name: 'Context variables' }).click();
  await expect(page.getByRole('group', { name: 'Context variable 1' }).getByRole('textbox', { name: 'Name' })).toHaveValue('orderNumber');
  await expectAccessible();

  await page.getByRole('button', { name: 'Add context variable' }).click();
  await page.getByRole('group', { name: 'Context variable 2' }).getByRole('textbox', { name: 'Name' }).fill('ORDERNUMBER');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Another context variable already has this name.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove context variable 2' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Returns and refunds');
  await page.getByRole('button', { name: 'Quick replies' }).click();
  await page.getByRole('button', { name: 'Add quick reply' }).click();
  await page.getByRole('group', { name: 'Quick reply 1' }).getByRole('textbox', { name: 'Title' }).fill('Refund status');
  // The reply is named by its title once it has one.
  const reply = page.getByRole('group', { name: 'Refund status' });
  await reply.getByRole('textbox', { name: 'Text' }).fill('Hi {{customerName}}, your refund for {{orderNumber}} is on its way. {{colour}}');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(reply.getByText(/uses a variable the workstream does not have/)).toBeVisible();
  await reply.getByRole('textbox', { name: 'Text' }).fill('Hi {{customerName}}, your refund for {{orderNumber}} is on its way.');
  await expectAccessible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(toast(page, 'Changes saved.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Returns and refunds', level: 1 })).toBeVisible();

  await page.getByRole('link', { name: 'Back to workstreams' }).click();
  const renamed = page.getByRole('row', { name: /Returns and refunds/ });
  await renamed.getByRole('button', { name: 'Delete Returns and refunds' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Returns and refunds?' });
  await expect(dialog).toContainText('No WhatsApp number and no routing rules depend on it.');
  await expectAccessible();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(toast(page, 'Returns and refunds was deleted.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Returns and refunds/ })).toHaveCount(0);

  // The seeded workstream on the sandbox: its delete names the number it frees and its rules.
  await page.getByRole('button', { name: 'Delete WhatsApp customer support' }).click();
  const impact = page.getByRole('alertdialog', { name: 'Delete WhatsApp customer support?' });
  await expect(impact.getByRole('listitem')).toHaveText([
    'Frees +14155238886 (Twilio sandbox) from WhatsApp, so that another workstream can use it',
    'Deletes its 3 routing rules',
  ]);
  await impact.getByRole('button', { name: 'Cancel' }).click();
});

test('in Finnish: the list, the form and the delete impact', async ({ page, expectAccessible }) => {
  await page.goto('./#/workstreams');
  await expect(page.getByRole('heading', { name: 'Workstreams', level: 1 })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel('Language').selectOption('fi');
  await expect(page.getByRole('heading', { name: 'Työnkulut', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Työnkulut – WhatsApp-kanavien hallintakeskus');
  const sales = page.getByRole('row', { name: /Nordic sales/ });
  await expect(sales).toContainText('Poiminta');
  await expect(sales).toContainText('Ei määritetty');
  await expect(sales.getByRole('link', { name: 'Määritä WhatsApp työnkululle Nordic sales' })).toBeVisible();
  await expectAccessible();

  await page.getByRole('button', { name: 'Poista työnkulku WhatsApp customer support' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Poistetaanko WhatsApp customer support?' });
  await expect(dialog.getByRole('listitem')).toHaveText([
    'WhatsApp-numero +14155238886 (Twilio sandbox) vapautuu toisen työnkulun käyttöön',
    'sen 3 reitityssääntöä poistetaan',
  ]);
  await expectAccessible();
  await dialog.getByRole('button', { name: 'Peruuta' }).click();

  await page.getByRole('link', { name: 'Uusi työnkulku' }).click();
  await expect(page.getByRole('heading', { name: 'Uusi työnkulku', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Automaattinen jako' })).toBeChecked();
  await page.getByRole('spinbutton', { name: 'Yksikköä keskustelua kohden' }).fill('0');
  await page.keyboard.press('Tab');
  await expect(page.getByText('Kapasiteetti on kokonaisluku väliltä 1–1000.')).toBeVisible();
  await page.getByRole('button', { name: 'Luo työnkulku' }).click();
  await expect(page.getByText('Anna nimi.')).toBeVisible();
  await expect(page.getByText('Valitse jono.')).toBeVisible();
  await expect(page.getByText('Kapasiteetti on kokonaisluku väliltä 1–1000.')).toBeVisible();
  await page.getByRole('button', { name: 'Kontekstimuuttujat' }).click();
  await page.getByRole('button', { name: 'Lisää kontekstimuuttuja' }).click();
  await page.getByRole('group', { name: 'Kontekstimuuttuja 1' }).getByRole('textbox', { name: 'Nimi' }).fill('1. tilaus');
  await page.getByRole('button', { name: 'Luo työnkulku' }).click();
  await expect(page.getByText(/Muuttujan nimi alkaa kirjaimella/)).toBeVisible();
  await expectAccessible();

  await page.getByRole('link', { name: 'Takaisin työnkulkuihin' }).click();
  const leave = page.getByRole('alertdialog', { name: 'Poistutaanko tallentamatta?' });
  await expect(leave).toBeVisible();
  await leave.getByRole('button', { name: 'Hylkää' }).click();
  await expect(page.getByRole('heading', { name: 'Työnkulut', level: 1 })).toBeVisible();
});
