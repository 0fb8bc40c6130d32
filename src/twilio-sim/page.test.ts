// @vitest-environment node
import { Browser } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { startCaptureServer } from '../testing/twilio-sim/capture-server';
import { basicAuth, sandboxAccount, tinyDelays } from '../testing/twilio-sim/fixtures';

let simulator: TwilioSimulator;
let receiver: Awaited<ReturnType<typeof startCaptureServer>>;
let browser: Browser;
beforeAll(async () => {
  receiver = await startCaptureServer();
  simulator = await startTwilioSimulator({ accounts: [sandboxAccount], delaysMs: tinyDelays });
  browser = new Browser({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
});
afterAll(async () => {
  await browser.close();
  await simulator.close();
  await receiver.close();
});

async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the page, as a person uses it', () => {
  it('saves the inbound URL, joins the sandbox, writes as the customer and shows the business’s reply with its status', async () => {
    const page = browser.newPage();
    await page.goto(`${simulator.url}/`);
    const document = page.mainFrame.document;
    const $ = <T>(id: string) => document.getElementById(id) as T;
    await until(() => $<HTMLElement>('account-sid').textContent === sandboxAccount.accountSid, 'the account to show');
    expect($<HTMLElement>('sandbox').textContent).toContain('join bright-river');
    expect($<HTMLInputElement>('business-number').value).toBe('+14155238886');

    const url = `${receiver.url}/webhooks/twilio/whatsapp/7`;
    $<HTMLInputElement>('inbound-url').value = url;
    $<HTMLFormElement>('inbound-form').requestSubmit();
    await until(() => $<HTMLElement>('notice').textContent === 'Saved the inbound URL.', 'the page to confirm the save');
    expect(simulator.account(sandboxAccount.accountSid)!.inboundUrl).toBe(url);

    $<HTMLButtonElement>('join-button').click();
    await until(() => simulator.isSandboxMember(sandboxAccount.accountSid, '+358401234567'), 'the join');
    await until(() => $<HTMLElement>('notice').textContent!.includes('You are all set'), 'the sandbox reply');

    $<HTMLTextAreaElement>('message-body').value = 'Hei, tarvitsen apua';
    $<HTMLSelectElement>('attachment').value = 'image';
    $<HTMLFormElement>('customer-form').requestSubmit();
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.form).toMatchObject({ Body: 'Hei, tarvitsen apua', MediaContentType0: 'image/png', ProfileName: 'Maija Meikäläinen' });

    await fetch(`${simulator.url}/2010-04-01/Accounts/${sandboxAccount.accountSid}/Messages.json`, {
      method: 'POST',
      headers: { Authorization: basicAuth(sandboxAccount.accountSid, sandboxAccount.authToken) },
      body: new URLSearchParams({ From: 'whatsapp:+14155238886', To: 'whatsapp:+358401234567', Body: 'Autamme mielellämme' }),
    });
    await simulator.waitForSent((message) => message.status === 'read');
    await until(() => document.getElementById('messages')!.textContent!.includes('Autamme mielellämme'), 'the reply in the list');
    await until(() => /Autamme mielellämme.*read/.test(document.getElementById('messages')!.textContent!), 'the read status');
    await page.close();
  });
});
