// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { startCaptureServer } from '../testing/twilio-sim/capture-server';
import { sandboxAccount, tinyDelays } from '../testing/twilio-sim/fixtures';

let simulator: TwilioSimulator;
let receiver: Awaited<ReturnType<typeof startCaptureServer>>;
beforeAll(async () => {
  receiver = await startCaptureServer();
  simulator = await startTwilioSimulator({ accounts: [sandboxAccount], delaysMs: tinyDelays });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
afterEach(() => {
  simulator.reset();
  receiver.requests.length = 0;
});

const control = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(simulator.url + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

describe('the control endpoints', () => {
  it('set the inbound URL as in the console, then let the page write as the customer with a sample attachment', async () => {
    const url = `${receiver.url}/webhooks/twilio/whatsapp/9`;
    const saved = await control('PUT', `/_sim/accounts/${sandboxAccount.accountSid}/inbound-url`, { url });
    expect(saved.status).toBe(200);
    expect(saved.body.accounts[0]).toEqual({ accountSid: sandboxAccount.accountSid, friendlyName: 'Sandbox test account', inboundUrl: url, sandbox: { number: '+14155238886', joinCode: 'bright-river' } });
    expect(JSON.stringify(saved.body)).not.toContain(sandboxAccount.authToken);

    const joined = await control('POST', '/_sim/inbound', { accountSid: sandboxAccount.accountSid, from: '+358401234567', to: '+14155238886', body: 'join bright-river' });
    expect(joined.body).toMatchObject({ forwarded: false });
    const sent = await control('POST', '/_sim/inbound', { accountSid: sandboxAccount.accountSid, from: '+358401234567', to: '+14155238886', body: 'Kuva', attachment: 'image', profileName: 'Maija' });
    expect(sent.body).toMatchObject({ forwarded: true, status: 200 });
    const [request] = await receiver.waitFor(1);
    expect(request!.form).toMatchObject({ MediaContentType0: 'image/png', ProfileName: 'Maija', Body: 'Kuva' });

    const replayed = await control('POST', '/_sim/replay', { messageSid: sent.body.messageSid });
    expect(replayed.body.messageSid).toBe(sent.body.messageSid);

    const messages = await control('GET', '/_sim/messages');
    expect(messages.body.inbound.map((message: { forwarded: boolean }) => message.forwarded)).toEqual([false, true, true]);
    expect(messages.body.inbound[1].media[0]).toMatchObject({ contentType: 'image/png', size: expect.any(Number) });
  });

  it('move the clock and reset', async () => {
    const before = simulator.now().getTime();
    const moved = await control('POST', '/_sim/clock', { advanceMs: 86_400_000 });
    expect(new Date(moved.body.now).getTime() - before).toBeGreaterThanOrEqual(86_400_000);
    await control('POST', '/_sim/reset', {});
    expect(simulator.now().getTime() - before).toBeLessThan(60_000);
  });

  it('refuse bad input and requests that are not JSON', async () => {
    expect((await control('POST', '/_sim/inbound', { accountSid: sandboxAccount.accountSid, from: 'x', to: '+14155238886', body: 'hi' })).status).toBe(400);
    expect((await control('POST', '/_sim/clock', { advanceMs: -1 })).status).toBe(400);
    const asForm = await fetch(`${simulator.url}/_sim/reset`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(asForm.status).toBe(400);
    expect((await fetch(`${simulator.url}/_sim/nothing`)).status).toBe(404);
  });
});

describe('the page', () => {
  it('has labelled controls for the inbound URL and the customer’s message', async () => {
    const response = await fetch(`${simulator.url}/`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    for (const id of ['inbound-url', 'customer-number', 'customer-name', 'business-number', 'message-body', 'attachment', 'account']) {
      expect(html).toContain(`<label for="${id}">`);
      expect(html).toMatch(new RegExp(`id="${id}"[^>]*>`));
    }
    expect(html).toContain('WHEN A MESSAGE COMES IN');
    expect(html).not.toContain(sandboxAccount.authToken);
  });
});
