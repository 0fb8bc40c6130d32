import type { Page } from '@playwright/test';
import { expect, expectPageAccessible, SANDBOX_NUMBER, test } from '../fixtures';
import { firstAdministrator } from './credentials';
import { adminApi, freeSandboxNumber, setServerClockOffset, simulator, simulatorAccount, simulatorChannel } from './live-setup';

/*
 * The whole live path against the real server and the Twilio simulator (scripts/e2e-real-server.mjs):
 * connect an account the simulator accepts, see the sandbox checklist turn green, answer the
 * customer, watch the ticks, let 24 hours pass and send a template. Runs after the other
 * real-mode specs (its own project): it moves the server's clock.
 */

const DAY_AND_AN_HOUR = 25 * 3_600_000;
const customer = { phone: '+358401230077', name: 'Kaisa Asiakas' };

async function customerWrites(page: Page, body: string, attachment?: 'image' | 'pdf') {
  return simulator(page.request, 'POST', '/_sim/inbound', {
    accountSid: simulatorAccount.accountSid,
    from: customer.phone,
    to: SANDBOX_NUMBER,
    body,
    profileName: customer.name,
    ...(attachment ? { attachment } : {}),
  });
}

async function signInAgain(page: Page) {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Email' }).fill(firstAdministrator.email);
  await page.getByLabel(/^Password/).fill(firstAdministrator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.afterAll(() => setServerClockOffset(0));

test('a customer on the sandbox is answered live, the ticks reach Read, and after 24 hours a template goes out', async ({ page, context, expectAccessible }) => {
  await simulator(page.request, 'POST', '/_sim/reset', {});
  await page.goto('/conversations');
  await freeSandboxNumber(page);

  // The channel, as an administrator sets it up (the wizards have specs of their own).
  const api = await adminApi(page);
  const me = await api<{ user: { id: string } }>('GET', '/api/session');
  const queue = await api<{ id: string }>('POST', '/api/queues', {
    name: 'Live support',
    type: 'messaging',
    priority: 1,
    memberIds: [me.user.id],
    operatingHours: null,
  });
  const { account } = await simulatorChannel(api, {
    name: 'Live',
    number: SANDBOX_NUMBER,
    fallbackQueueId: queue.id,
    capacityUnits: 5,
    keepSameAgent: true,
    automatedMessages: [{ trigger: 'greeting', language: 'en', text: 'Thanks for writing to us! An agent will answer shortly.' }],
  });

  await test.step('the credentials are verified and the templates synced from Twilio', async () => {
    await page.goto(`/channels/accounts/${account.id}`);
    await page.getByRole('tab', { name: 'Account details' }).click();
    await page.getByRole('button', { name: 'Verify credentials' }).click();
    await expect(page.getByText(/Twilio accepted the credentials/)).toBeVisible();
    await page.goto(`/channels/accounts/${account.id}?tab=templates`);
    await page.getByRole('button', { name: 'Sync templates from Twilio' }).click();
    await expect(page.getByText(/Added: [1-9]/)).toBeVisible();
    await expectAccessible();
  });

  const agentView = await context.newPage();
  await test.step('the sandbox checklist turns green with the first message, and the conversation appears live', async () => {
    await page.goto(`/channels/accounts/${account.id}/sandbox`);
    await expect(page.getByRole('heading', { name: 'Twilio sandbox checklist', level: 1 })).toBeVisible();
    await page.getByRole('textbox', { name: 'Join code' }).fill(simulatorAccount.joinCode);
    await page.getByRole('button', { name: 'Save code' }).click();
    await expect(page.getByText(`join ${simulatorAccount.joinCode}`).first()).toBeVisible();
    await expect(page.getByText(/Waiting for the first message/)).toBeVisible();
    await expectAccessible();

    // What the administrator pastes into the sandbox's "WHEN A MESSAGE COMES IN".
    const inboundUrl = await page.getByRole('textbox', { name: 'Inbound URL' }).inputValue();
    expect(inboundUrl).toMatch(new RegExp(`/webhooks/twilio/whatsapp/${account.id}$`));
    await simulator(page.request, 'PUT', `/_sim/accounts/${simulatorAccount.accountSid}/inbound-url`, { url: inboundUrl });

    await agentView.goto('/conversations');
    await expect(agentView.getByText('Live', { exact: true })).toBeVisible();
    await customerWrites(page, `join ${simulatorAccount.joinCode}`);
    const first = await customerWrites(page, 'Hello! Where is my order 77?');
    expect(first.status).toBe(200);

    await expect(page.getByText(/The first message arrived/)).toBeVisible({ timeout: 15_000 });
    await expect(agentView.getByRole('link', { name: customer.name })).toBeVisible();
  });

  await test.step('the agent answers and the ticks follow the delivery to "Read"', async () => {
    await agentView.getByRole('link', { name: customer.name }).click();
    await expect(agentView.getByRole('heading', { name: customer.name, level: 1 })).toBeVisible();
    const greeting = agentView.getByRole('article').filter({ hasText: 'Thanks for writing to us!' });
    await expect(greeting.getByRole('img', { name: 'Read' })).toBeVisible({ timeout: 20_000 });

    await agentView.getByRole('textbox', { name: 'Message' }).fill('Hi Kaisa, order 77 left our warehouse today.');
    await agentView.getByRole('button', { name: 'Send', exact: true }).click();
    const reply = agentView.getByRole('article').filter({ hasText: 'order 77 left our warehouse today' });
    await expect(reply.getByRole('img', { name: 'Read' })).toBeVisible({ timeout: 20_000 });
    await expectPageAccessible(agentView);
  });

  await test.step('an attachment goes both ways', async () => {
    await customerWrites(page, 'Here is the label', 'image');
    const photo = agentView.getByRole('article').filter({ hasText: 'Here is the label' }).getByRole('img', { name: /^Image/ });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    await agentView.getByLabel('File to attach').setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% invoice 77\n') });
    await expect(agentView.getByText(/Attached: invoice\.pdf/)).toBeVisible();
    await agentView.getByRole('textbox', { name: 'Message' }).fill('Your invoice is attached.');
    await agentView.getByRole('button', { name: 'Send', exact: true }).click();
    const withFile = agentView.getByRole('article').filter({ hasText: 'Your invoice is attached.' });
    await expect(withFile.getByRole('link', { name: /Download invoice\.pdf/ })).toBeVisible();
    await expect(withFile.getByRole('img', { name: /Delivered|Read/ })).toBeVisible({ timeout: 20_000 });
    // Twilio fetched the file from the public media URL: the simulator holds its bytes.
    const sent = await simulator(page.request, 'GET', '/_sim/messages');
    const carried = (sent.sent as { body: string; media: { contentType: string; size: number }[] }[]).find((m) => m.body === 'Your invoice is attached.');
    expect(carried?.media).toEqual([{ url: expect.any(String), contentType: 'application/pdf', size: 22 }]);
  });

  await test.step('after 24 hours only templates can be sent, and a template goes out', async () => {
    setServerClockOffset(DAY_AND_AN_HOUR);
    await simulator(page.request, 'POST', '/_sim/clock', { advanceMs: DAY_AND_AN_HOUR });
    // A day later the session has ended too: the agent signs in again, as they would.
    await agentView.reload();
    await signInAgain(agentView);
    await expect(agentView.getByRole('heading', { name: customer.name, level: 1 })).toBeVisible();
    // The browser's clock was not moved, so it still offers free text: the server refuses it.
    await agentView.getByRole('textbox', { name: 'Message' }).fill('Are you still there?');
    await agentView.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(agentView.getByText('This conversation has exceeded the 24 hour limit to respond to the customer.')).toBeVisible();
    await expect(agentView.getByRole('article').filter({ hasText: 'Are you still there?' })).toHaveCount(0);
    await expect(agentView.getByRole('textbox', { name: 'Message' })).toHaveCount(0);

    await agentView.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'order_update' });
    await agentView.getByRole('textbox', { name: 'Value 1' }).fill('Kaisa');
    await agentView.getByRole('textbox', { name: 'Value 2' }).fill('77');
    await expect(agentView.getByRole('region', { name: 'Preview' })).toContainText('Hi Kaisa, your order 77 is on its way.');
    await expectPageAccessible(agentView);
    await agentView.getByRole('button', { name: 'Send template' }).click();
    const template = agentView.getByRole('article').filter({ hasText: 'Template: order_update' });
    await expect(template.getByRole('img', { name: /Sent|Delivered|Read/ })).toBeVisible({ timeout: 20_000 });
    const sent = await simulator(page.request, 'GET', '/_sim/messages');
    const viaContent = (sent.sent as { contentSid: string | null; contentVariables: Record<string, string> | null }[]).filter((m) => m.contentSid);
    expect(viaContent.at(-1)?.contentVariables).toEqual({ 1: 'Kaisa', 2: '77' });
  });

  await test.step('the agent view speaks Finnish', async () => {
    await agentView.getByLabel('Language').selectOption('fi');
    await expect(agentView.getByRole('heading', { name: 'Lähetä viestimalli' })).toBeVisible();
    await expect(agentView.getByRole('img', { name: 'Luettu' }).first()).toBeVisible();
    await expectPageAccessible(agentView);
  });
});
