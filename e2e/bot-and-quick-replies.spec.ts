import { appHref, expect, test } from './fixtures';

// The demo's bot is the sample menu bot's logic running in the browser (src/mocks/bot-turns.ts).
// Seeded: Emma is still at the bot's menu; Lucas chose billing, so the bot handed him over with
// topic "billing" and the "Billing topic" rule sent him to Billing.

test('agents see what the bot did and answer with a quick reply; the bot is set on the workstream page', async ({ page, expectAccessible }) => {
  await page.goto(appHref('/conversations'));
  await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Emma Wilson' })).toContainText('Bot: Menu bot');

  await page.getByRole('link', { name: 'Emma Wilson' }).click();
  await expect(page.getByRole('heading', { name: 'Emma Wilson', level: 1 })).toBeVisible();
  await expect(page.getByText('With Menu bot', { exact: true })).toBeVisible();
  await expect(page.getByText('The bot is answering; agents get it when it hands over.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Transfer' })).toHaveCount(0);
  await expect(page.getByRole('article').filter({ hasText: 'How can we help?' })).toBeVisible();
  await expectAccessible();

  await page.goto(appHref('/conversations'));
  await page.getByRole('link', { name: 'Lucas Martin' }).click();
  await expect(page.getByRole('heading', { name: 'Lucas Martin', level: 1 })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Bot and context' });
  await expect(panel).toContainText('the bot asked for an agent');
  await expect(panel).toContainText('topic');
  await expect(panel).toContainText('billing');

  // "/" at the start of the reply opens the quick replies, filtered by what follows.
  const message = page.getByRole('textbox', { name: 'Message' });
  await message.click();
  await message.pressSequentially('/greet');
  await expect(page.getByRole('option', { name: /Greeting/ })).toBeVisible();
  await expectAccessible();
  await page.keyboard.press('Enter');
  await expect(message).toHaveValue(/^Hi Lucas Martin, this is /);
  await expect(message).not.toHaveValue(/\{\{/);

  // The bot itself: its own card on the workstream's page, the secret never shown.
  await page.goto(appHref('/workstreams'));
  await page.getByRole('link', { name: 'Edit WhatsApp customer support' }).click();
  const bot = page.getByRole('region', { name: 'Bot' });
  await expect(bot.getByRole('textbox', { name: 'Name' })).toHaveValue('Menu bot');
  await expect(bot.getByText(/Secret set, ends with/)).toBeVisible();
  await expectAccessible();
});
