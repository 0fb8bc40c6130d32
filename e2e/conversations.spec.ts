import { appHref, expect, test } from './fixtures';

// The demo's seeded traffic (src/mocks/seed-conversations.ts): Olivia waits for a reply inside
// the 24-hour window, Jordan last wrote 30 hours ago, so only templates can go to him.

test('an agent answers inside the 24-hour window and watches the ticks reach "Read"', async ({ page, expectAccessible }) => {
  await page.goto(appHref('/conversations'));
  await expect(page.getByRole('heading', { name: 'Conversations', level: 1 })).toBeVisible();
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const olivia = page.getByRole('row').filter({ hasText: 'Olivia Brown' });
  await expect(olivia.getByText('Waiting for reply')).toBeVisible();
  await expectAccessible();

  // Filters live in the URL: "Waiting for reply" keeps Olivia, drops Jordan (already answered).
  // The box follows the URL, which the router updates a moment after the click.
  await page.getByRole('checkbox', { name: 'Waiting for reply' }).click();
  await expect(page).toHaveURL(/waitingForReply=true/);
  await expect(page.getByRole('checkbox', { name: 'Waiting for reply' })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Jordan Lee' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Olivia Brown' }).click();

  await expect(page.getByRole('heading', { name: 'Olivia Brown', level: 1 })).toBeVisible();
  await expect(page.getByText(/You can reply freely for \d+ h \d+ min more\./)).toBeVisible();
  await expectAccessible();

  await page.getByRole('textbox', { name: 'Message' }).fill('Hi Olivia, I am looking at invoice 2231 now.');
  await page.getByRole('textbox', { name: 'Message' }).press('Control+Enter');
  const reply = page.getByRole('article').filter({ hasText: 'I am looking at invoice 2231 now.' });
  await expect(reply).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
  await expect(reply.getByRole('img', { name: 'Read' })).toBeVisible({ timeout: 20_000 });
});

test('outside the window the composer offers approved templates only, and a template goes out', async ({ page, expectAccessible }) => {
  await page.goto(appHref('/conversations'));
  await page.getByRole('link', { name: 'Jordan Lee' }).click();
  await expect(page.getByRole('heading', { name: 'Send a template' })).toBeVisible();
  await expect(page.getByText('This conversation has exceeded the 24 hour limit to respond to the customer.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);
  // The earlier failure is explained in words, not only as a code.
  await expect(page.getByText(/Not sent: The message could not be delivered/)).toBeVisible();

  const picker = page.getByRole('combobox', { name: 'Template' });
  await expect(picker).toBeVisible();
  const values = page.getByRole('textbox', { name: /^Value \d+/ });
  const count = await values.count();
  await page.getByRole('button', { name: 'Send template' }).click();
  if (count > 0) await expect(page.getByText('Fill in this variable.').first()).toBeVisible();
  for (let i = 0; i < count; i++) await values.nth(i).fill(`Value ${i + 1} for Jordan`);
  const preview = page.getByRole('region', { name: 'Preview' });
  if (count > 0) await expect(preview).toContainText('Value 1 for Jordan');
  await expectAccessible();

  const previewText = (await preview.innerText()).split('\n').find((line) => line.includes('Jordan')) ?? '';
  await page.getByRole('button', { name: 'Send template' }).click();
  const sent = page.getByRole('article').filter({ hasText: /Template: / }).last();
  await expect(sent).toBeVisible();
  if (previewText) await expect(sent).toContainText(previewText.trim());
});

test('a simulated customer message appears live in the list; an attachment goes out; the view speaks Finnish', async ({ page, expectAccessible }) => {
  await page.goto(appHref('/conversations'));
  await expect(page.getByText('Live', { exact: true })).toBeVisible();
  const rowsBefore = await page.getByRole('table', { name: 'Conversations' }).getByRole('row').count();

  await page.getByRole('button', { name: 'Demo controls' }).click();
  await page.getByRole('menuitem', { name: 'Simulate customer message' }).click();
  // The first simulated customer is new: a new conversation arrives without a reload.
  await expect(page.getByRole('table', { name: 'Conversations' }).getByRole('row')).toHaveCount(rowsBefore + 1);
  await expect(page.getByRole('link', { name: 'Matti Meikäläinen' })).toBeVisible();

  await page.getByRole('link', { name: 'Matti Virtanen' }).click();
  await expect(page.getByRole('heading', { name: 'Matti Virtanen', level: 1 })).toBeVisible();
  await page.getByLabel('File to attach').setInputFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% demo receipt\n') });
  await expect(page.getByText(/Attached: receipt\.pdf/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Message' }).fill('Tässä kuitti.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const sent = page.getByRole('article').filter({ hasText: 'Tässä kuitti.' });
  await expect(sent.getByRole('link', { name: /Download receipt\.pdf/ })).toBeVisible();

  // A file WhatsApp does not take is refused before any upload.
  await page.getByLabel('File to attach').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByText('WhatsApp accepts JPG, PNG, MP3, OGG, AMR, MP4 and PDF files.')).toBeVisible();

  await page.getByLabel('Language').selectOption('fi');
  await expect(page.getByRole('heading', { name: 'Vastaa' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Viesti' })).toBeVisible();
  await expect(sent.getByRole('img', { name: /Luettu|Toimitettu|Lähetetty|Lähetetään|Odottaa/ })).toBeVisible();
  await expectAccessible();
});

test('a long history opens at the newest message, keeps the place as older pages load, and scrolls back to the first message', async ({ page, expectAccessible }) => {
  await page.goto(appHref('/conversations'));
  await page.getByRole('link', { name: 'Noah Williams' }).click();
  await expect(page.getByRole('heading', { name: 'Noah Williams', level: 1 })).toBeVisible();
  const log = page.getByRole('log', { name: 'Messages' });
  await log.scrollIntoViewIfNeeded();
  const rows = log.getByRole('listitem');
  await expect(rows.last()).toBeInViewport();
  await expect(rows.last()).toHaveAttribute('aria-posinset', '100');
  // Only a window of the 1,000 messages is in the page.
  expect(await rows.count()).toBeLessThan(40);
  await expectAccessible();

  // At the top of the first page the next one loads above it, and the message at the top stays where it was.
  const conversationId = page.url().split('/').at(-1)!;
  const firstPageStart = await page.evaluate(
    async (id) => ((await (await fetch(`/api/conversations/${id}/messages`)).json()) as { items: { createdAt: string }[] }).items[0]!.createdAt,
    conversationId,
  );
  const logTop = (await log.boundingBox())!.y;
  await log.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(rows.first()).not.toHaveAttribute('aria-posinset', '1');
  const kept = rows.filter({ has: page.locator(`time[datetime="${firstPageStart}"]`) });
  await expect(kept).toBeInViewport();
  expect(Math.abs((await kept.boundingBox())!.y - logTop)).toBeLessThan(24);

  // Scrolling up loads the rest, up to the first message of all.
  await expect(async () => {
    await log.evaluate((element) => element.scrollBy({ top: -5000 }));
    await expect(log.locator('li[aria-posinset="1"][aria-setsize="1000"]')).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 60_000 });
  await expect(log.locator('li[aria-posinset="1"]')).toContainText('Could you send 12 kg of the house espresso beans');
  await expect(page.getByRole('button', { name: 'Load older messages' })).toHaveCount(0);

  // A photo a little further down loads where it is shown.
  const photo = log.getByRole('img', { name: 'Image delivery-5.png sent by Noah Williams' });
  await expect(async () => {
    if ((await photo.count()) === 0) await log.evaluate((element) => element.scrollBy({ top: 300 }));
    else await photo.scrollIntoViewIfNeeded();
    await expect(photo).toBeInViewport({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
});
