// @vitest-environment node
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { samplePdf, samplePng } from './samples';
import { startCaptureServer } from '../testing/twilio-sim/capture-server';
import { basicAuth, fullAccount, sandboxAccount, tinyDelays } from '../testing/twilio-sim/fixtures';

const CUSTOMER = '+358401234567';
const SANDBOX = '+14155238886';
const BUSINESS = '+358401110000';

let simulator: TwilioSimulator;
let receiver: Awaited<ReturnType<typeof startCaptureServer>>;
// A public URL as an admin pastes it, with a query string: the signature covers it exactly.
let inboundUrl: string;

beforeAll(async () => {
  receiver = await startCaptureServer();
  inboundUrl = `${receiver.url}/webhooks/twilio/whatsapp/acc-1?tenant=a%20b`;
  simulator = await startTwilioSimulator({
    accounts: [
      { ...sandboxAccount, inboundUrl },
      { ...fullAccount, inboundUrl: `${receiver.url}/webhooks/twilio/whatsapp/acc-2` },
    ],
    delaysMs: tinyDelays,
  });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
afterEach(() => {
  simulator.reset();
  receiver.answerWith(200, '<Response/>');
  receiver.requests.length = 0;
});

const join = () => simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: CUSTOMER, to: SANDBOX, body: `join ${sandboxAccount.sandbox.joinCode}` });

describe('the simulated customer', () => {
  it('posts the signed webhook Twilio sends for a WhatsApp text', async () => {
    const result = await simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: `whatsapp:${BUSINESS}`, body: 'Hei! Onko 2+2 = 4 & ääkköset ok? 🙂', profileName: 'Maija' });
    expect(result).toMatchObject({ status: 200, forwarded: true });
    expect(result.messageSid).toMatch(/^SM[0-9a-f]{32}$/);
    const [request] = await receiver.waitFor(1);
    const url = `${receiver.url}/webhooks/twilio/whatsapp/acc-2`;
    expect(request!.method).toBe('POST');
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(twilio.validateRequest(fullAccount.authToken, String(request!.headers['x-twilio-signature']), url, request!.form)).toBe(true);
    expect(request!.form).toEqual({
      SmsMessageSid: result.messageSid,
      NumMedia: '0',
      ProfileName: 'Maija',
      MessageType: 'text',
      SmsSid: result.messageSid,
      WaId: '358401234567',
      SmsStatus: 'received',
      Body: 'Hei! Onko 2+2 = 4 & ääkköset ok? 🙂',
      To: `whatsapp:${BUSINESS}`,
      NumSegments: '1',
      ReferralNumMedia: '0',
      MessageSid: result.messageSid,
      AccountSid: fullAccount.accountSid,
      ChannelMetadata: JSON.stringify({ type: 'whatsapp', data: { context: { ProfileName: 'Maija', WaId: '358401234567' } } }),
      From: `whatsapp:${CUSTOMER}`,
      ApiVersion: '2010-04-01',
    });
  });

  it('signs over the inbound URL exactly as configured, query string included', async () => {
    await join();
    await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: CUSTOMER, to: SANDBOX, body: 'Moi' });
    const [request] = await receiver.waitFor(1);
    const signature = String(request!.headers['x-twilio-signature']);
    expect(request!.path).toBe('/webhooks/twilio/whatsapp/acc-1?tenant=a%20b');
    expect(twilio.validateRequest(sandboxAccount.authToken, signature, inboundUrl, request!.form)).toBe(true);
    expect(twilio.validateRequest(sandboxAccount.authToken, signature, `${receiver.url}/webhooks/twilio/whatsapp/acc-1`, request!.form)).toBe(false);
    expect(twilio.validateRequest(sandboxAccount.authToken, signature, inboundUrl, { ...request!.form, Body: 'Moi!' })).toBe(false);
  });

  it('replays a message with the same MessageSid and parameters', async () => {
    const first = await simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: 'Twice' });
    receiver.answerWith(200, '');
    const again = await simulator.replayInbound(first.messageSid);
    const chosen = await simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: 'Twice', messageSid: first.messageSid });
    expect([again.messageSid, chosen.messageSid]).toEqual([first.messageSid, first.messageSid]);
    const requests = await receiver.waitFor(3);
    expect(requests[1]!.form).toEqual(requests[0]!.form);
    expect(requests[2]!.form.MessageSid).toBe(first.messageSid);
    expect(requests[1]!.headers['x-twilio-signature']).toBe(requests[0]!.headers['x-twilio-signature']);
  });

  it('reports what our server answered, and null when it cannot be reached', async () => {
    receiver.answerWith(403, 'Forbidden');
    expect((await simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: 'x' })).status).toBe(403);
    simulator.setInboundUrl(fullAccount.accountSid, 'http://127.0.0.1:9/nowhere');
    expect(await simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: 'x' })).toMatchObject({ status: null, forwarded: true });
  });

  it('refuses to send without an inbound URL or with a malformed number', async () => {
    simulator.setInboundUrl(fullAccount.accountSid, null);
    await expect(simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: 'x' })).rejects.toThrow(/inbound URL/);
    await expect(simulator.sendInbound({ accountSid: fullAccount.accountSid, from: '0401234567', to: BUSINESS, body: 'x' })).rejects.toThrow(/E\.164/);
  });
});

describe('the sandbox', () => {
  it('answers a join itself, records the member and forwards nothing', async () => {
    const wrong = await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: CUSTOMER, to: SANDBOX, body: 'join wrong-code' });
    expect(wrong).toMatchObject({ forwarded: false, status: null });
    expect(simulator.isSandboxMember(sandboxAccount.accountSid, CUSTOMER)).toBe(false);

    const joined = await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: `whatsapp:${CUSTOMER}`, to: `whatsapp:${SANDBOX}`, body: ' JOIN Bright-River ' });
    expect(joined).toMatchObject({ forwarded: false, status: null });
    expect(joined.sandboxReply).toMatch(/You are all set/);
    expect(simulator.isSandboxMember(sandboxAccount.accountSid, CUSTOMER)).toBe(true);
    expect(receiver.requests).toHaveLength(0);
  });

  it('keeps messages from customers who have not joined', async () => {
    const result = await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: CUSTOMER, to: SANDBOX, body: 'Hello?' });
    expect(result).toMatchObject({ forwarded: false, status: null });
    expect(result.sandboxReply).toMatch(/not connected to a sandbox/);
    expect(receiver.requests).toHaveLength(0);
  });

  it('forwards once joined, and the join opens the reply window', async () => {
    await join();
    expect((await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: CUSTOMER, to: SANDBOX, body: 'Now?' })).forwarded).toBe(true);
    expect(simulator.inboundMessages().map((message) => message.forwarded)).toEqual([false, true]);
  });
});

describe('inbound media', () => {
  it('gives MediaUrl0 and MediaContentType0, served behind basic auth with the right type', async () => {
    const png = samplePng();
    const result = await simulator.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: '', media: [{ contentType: 'image/png', bytes: png }] });
    expect(result.messageSid).toMatch(/^MM[0-9a-f]{32}$/);
    const [request] = await receiver.waitFor(1);
    expect(request!.form).toMatchObject({ NumMedia: '1', MediaContentType0: 'image/png', MessageType: 'image', Body: '' });
    const mediaUrl = request!.form.MediaUrl0!;
    expect(mediaUrl).toMatch(new RegExp(`^${simulator.url}/2010-04-01/Accounts/${fullAccount.accountSid}/Messages/${result.messageSid}/Media/ME[0-9a-f]{32}$`));

    expect((await fetch(mediaUrl)).status).toBe(401);
    expect((await fetch(mediaUrl, { headers: { Authorization: basicAuth(sandboxAccount.accountSid, sandboxAccount.authToken) } })).status).toBe(404);
    const redirect = await fetch(mediaUrl, { headers: { Authorization: basicAuth(fullAccount.accountSid, fullAccount.authToken) }, redirect: 'manual' });
    expect(redirect.status).toBe(307);
    const download = await fetch(mediaUrl, { headers: { Authorization: basicAuth(fullAccount.accountSid, fullAccount.authToken) } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
  });

  it('names a document a document, and serves bytes directly without redirects when asked', async () => {
    const direct = await startTwilioSimulator({ accounts: [{ ...fullAccount, inboundUrl: `${receiver.url}/direct` }], mediaRedirects: false });
    try {
      await direct.sendInbound({ accountSid: fullAccount.accountSid, from: CUSTOMER, to: BUSINESS, body: 'Lasku', media: [{ contentType: 'application/pdf', bytes: samplePdf() }] });
      const [request] = await receiver.waitFor(1, '/direct');
      expect(request!.form.MessageType).toBe('document');
      const response = await fetch(request!.form.MediaUrl0!, { headers: { Authorization: basicAuth(fullAccount.accountSid, fullAccount.authToken) }, redirect: 'manual' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await direct.close();
    }
  });
});
