// @vitest-environment node
import twilio from 'twilio';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { startCaptureServer } from '../testing/twilio-sim/capture-server';
import { basicAuth, form, fullAccount, sandboxAccount, tinyDelays } from '../testing/twilio-sim/fixtures';
import { assertValid, responseValidator } from '../testing/twilio-sim/openapi';

const MESSAGES_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
const SANDBOX = 'whatsapp:+14155238886';
const CUSTOMER = '+358401234567';
const DAY_MS = 24 * 60 * 60 * 1000;

let simulator: TwilioSimulator;
let receiver: Awaited<ReturnType<typeof startCaptureServer>>;
let inboundUrl: string;
let statusUrl: string;

beforeAll(async () => {
  receiver = await startCaptureServer();
  inboundUrl = `${receiver.url}/webhooks/twilio/whatsapp/1`;
  statusUrl = `${receiver.url}/webhooks/twilio/status/1`;
  simulator = await startTwilioSimulator({
    accounts: [{ ...sandboxAccount, inboundUrl }, { ...fullAccount }],
    delaysMs: tinyDelays,
  });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});
afterEach(() => {
  simulator.reset();
  simulator.setDelivery({ outOfOrder: 'never', readReceipts: true });
  receiver.answerWith(200, '');
  receiver.requests.length = 0;
});

function create(params: Record<string, string | string[]>, account: { accountSid: string; authToken: string } = sandboxAccount) {
  return fetch(`${simulator.url}/2010-04-01/Accounts/${account.accountSid}/Messages.json`, {
    method: 'POST',
    headers: { Authorization: basicAuth(account.accountSid, account.authToken), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form(params),
  });
}

/** The customer joins the sandbox and writes, which opens the 24-hour window. */
async function customerWrites(customer = CUSTOMER) {
  await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: customer, to: SANDBOX, body: `join ${sandboxAccount.sandbox.joinCode}` });
}

function statusesFor(sid: string, count: number) {
  return receiver.waitFor(count, (request) => request.path === '/webhooks/twilio/status/1' && request.form.MessageSid === sid);
}

describe('Messages create', () => {
  it('accepts a WhatsApp text with 201 and the message resource Twilio describes', async () => {
    await customerWrites();
    const response = await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Hei! Kiitos viestistä 👋 & tervetuloa', StatusCallback: statusUrl });
    expect(response.status).toBe(201);
    const body = await response.json();
    assertValid(responseValidator('api', MESSAGES_PATH, 'post', 201), body);
    expect(body).toMatchObject({
      status: 'queued',
      direction: 'outbound-api',
      from: SANDBOX,
      to: `whatsapp:${CUSTOMER}`,
      body: 'Hei! Kiitos viestistä 👋 & tervetuloa',
      num_media: '0',
      error_code: null,
    });
    expect(body.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(simulator.sentMessages()).toHaveLength(1);
    expect(simulator.sentMessages()[0]!.params.Body).toBe('Hei! Kiitos viestistä 👋 & tervetuloa');
  });

  it('renders a template from ContentSid and ContentVariables', async () => {
    const template = simulator.account(sandboxAccount.accountSid)!.templates.find((t) => t.friendlyName === 'order_update' && t.language === 'fi')!;
    await customerWrites();
    const response = await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, ContentSid: template.sid, ContentVariables: '{"1":"Maija","2":"B-7"}' });
    expect(response.status).toBe(201);
    expect((await response.json()).body).toBe('Hei Maija, tilauksesi B-7 on matkalla.');
    expect(simulator.sentMessages()[0]).toMatchObject({ contentSid: template.sid, contentVariables: { '1': 'Maija', '2': 'B-7' } });
  });

  it.each([
    ['an invalid To', { From: SANDBOX, To: 'whatsapp:+0123', Body: 'x' }, 21211],
    ['no To', { From: SANDBOX, Body: 'x' }, 21604],
    ['no From', { To: `whatsapp:${CUSTOMER}`, Body: 'x' }, 21603],
    ['a plain SMS To with a WhatsApp From', { From: SANDBOX, To: CUSTOMER, Body: 'x' }, 21910],
    ['no Body, ContentSid or MediaUrl', { From: SANDBOX, To: `whatsapp:${CUSTOMER}` }, 21619],
    ['an unknown ContentSid', { From: SANDBOX, To: `whatsapp:${CUSTOMER}`, ContentSid: 'HX00000000000000000000000000000000' }, 21655],
    ['a Body over 1600 characters', { From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'x'.repeat(1601) }, 21617],
    ['a relative StatusCallback', { From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'x', StatusCallback: '/status' }, 21609],
  ])('refuses %s with 400 and Twilio error %s', async (_case, params, code) => {
    const response = await create(params);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code, message: expect.any(String), more_info: `https://www.twilio.com/docs/errors/${code}`, status: 400 });
    expect(simulator.sentMessages()).toHaveLength(0);
  });

  it.each(['["Maija"]', '{"1":', '{"1":""}', '{"1":null}'])('refuses ContentVariables %s (21656)', async (variables) => {
    const template = simulator.account(sandboxAccount.accountSid)!.templates[0]!;
    const response = await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, ContentSid: template.sid, ContentVariables: variables });
    expect((await response.json()).code).toBe(21656);
  });

  it('refuses ContentVariables without a ContentSid (21654)', async () => {
    const response = await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'x', ContentVariables: '{"1":"a"}' });
    expect((await response.json()).code).toBe(21654);
  });

  it('refuses a sender that is not one of the account’s WhatsApp numbers (63007)', async () => {
    const response = await create({ From: 'whatsapp:+358409999999', To: `whatsapp:${CUSTOMER}`, Body: 'x' }, fullAccount);
    expect((await response.json()).code).toBe(63007);
  });

  it('answers 401 for a wrong token and sends nothing', async () => {
    const response = await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'x' }, { ...sandboxAccount, authToken: fullAccount.authToken });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe(20003);
    expect(simulator.sentMessages()).toHaveLength(0);
  });

  it('fetches a sent message with its current status, as Twilio describes it', async () => {
    await customerWrites();
    const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi' })).json();
    await simulator.waitForSent((message) => message.sid === sid && message.status === 'read');
    const response = await fetch(`${simulator.url}/2010-04-01/Accounts/${sandboxAccount.accountSid}/Messages/${sid}.json`, {
      headers: { Authorization: basicAuth(sandboxAccount.accountSid, sandboxAccount.authToken) },
    });
    const body = await response.json();
    assertValid(responseValidator('api', '/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json', 'get', 200), body);
    expect(body).toMatchObject({ sid, status: 'read' });
    expect(body.date_sent).not.toBeNull();
  });
});

describe('status callbacks', () => {
  it('are signed with the account token over the StatusCallback URL and carry what Twilio sends', async () => {
    await customerWrites();
    const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi', StatusCallback: statusUrl })).json();
    const callbacks = await statusesFor(sid, 3);
    for (const callback of callbacks) {
      const signature = String(callback.headers['x-twilio-signature']);
      expect(twilio.validateRequest(sandboxAccount.authToken, signature, statusUrl, callback.form)).toBe(true);
      expect(twilio.validateRequest(fullAccount.authToken, signature, statusUrl, callback.form)).toBe(false);
      expect(twilio.validateRequest(sandboxAccount.authToken, signature, `${statusUrl}?x=1`, callback.form)).toBe(false);
      expect(callback.headers['content-type']).toBe('application/x-www-form-urlencoded');
    }
    expect(callbacks[0]!.form).toMatchObject({
      MessageSid: sid,
      SmsSid: sid,
      MessageStatus: 'sent',
      SmsStatus: 'sent',
      AccountSid: sandboxAccount.accountSid,
      From: SANDBOX,
      To: `whatsapp:${CUSTOMER}`,
      ApiVersion: '2010-04-01',
      ChannelPrefix: 'whatsapp',
      ChannelToAddress: '+35840XXXXXXX',
    });
    expect(callbacks[0]!.form.ChannelInstallSid).toMatch(/^XE[0-9a-f]{32}$/);
  });

  it('come as sent → delivered → read when nothing is out of order', async () => {
    await customerWrites();
    const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi', StatusCallback: statusUrl })).json();
    const callbacks = await statusesFor(sid, 3);
    expect(callbacks.map((callback) => callback.form.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
    const message = await simulator.waitForSent((candidate) => candidate.sid === sid && candidate.callbacks.length === 3);
    expect(message.callbacks.map((callback) => [callback.status, callback.httpStatus])).toEqual([['sent', 200], ['delivered', 200], ['read', 200]]);
    expect(message.status).toBe('read');
  });

  it('bring read before delivered when always out of order, and the message still ends read', async () => {
    simulator.setDelivery({ outOfOrder: 'always' });
    await customerWrites();
    const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi', StatusCallback: statusUrl })).json();
    const callbacks = await statusesFor(sid, 3);
    expect(callbacks.map((callback) => callback.form.MessageStatus)).toEqual(['sent', 'read', 'delivered']);
    expect((await simulator.waitForSent((message) => message.sid === sid && message.callbacks.length === 3)).status).toBe('read');
  });

  it('are out of order for every second message when sometimes', async () => {
    simulator.setDelivery({ outOfOrder: 'sometimes' });
    await customerWrites();
    const sids: string[] = [];
    for (const text of ['one', 'two', 'three', 'four']) {
      const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: text, StatusCallback: statusUrl })).json();
      sids.push(sid);
      await statusesFor(sid, 3);
    }
    const orders = sids.map((sid) => receiver.requests.filter((request) => request.form.MessageSid === sid).map((request) => request.form.MessageStatus).join(','));
    expect(orders).toEqual(['sent,delivered,read', 'sent,read,delivered', 'sent,delivered,read', 'sent,read,delivered']);
  });

  it('stop at delivered when the customer does not read', async () => {
    simulator.setDelivery({ readReceipts: false });
    await customerWrites();
    const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi', StatusCallback: statusUrl })).json();
    const message = await simulator.waitForSent((candidate) => candidate.sid === sid && candidate.callbacks.length === 2);
    expect(message.callbacks.map((callback) => callback.status)).toEqual(['sent', 'delivered']);
  });
});

describe('delivery failures', () => {
  async function failureOf(params: Record<string, string | string[]>, account: { accountSid: string; authToken: string } = sandboxAccount) {
    const response = await create({ StatusCallback: statusUrl, ...params }, account);
    expect(response.status).toBe(201);
    const { sid } = await response.json();
    const [callback] = await statusesFor(sid, 1);
    const message = await simulator.waitForSent((candidate) => candidate.sid === sid && candidate.callbacks.length === 1);
    expect(message.status).toBe('failed');
    expect(message.errorCode).toBe(Number(callback!.form.ErrorCode));
    expect(callback!.form.MessageStatus).toBe('failed');
    return Number(callback!.form.ErrorCode);
  }

  it('fails with 63015 when the customer has not joined the sandbox', async () => {
    expect(await failureOf({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi' })).toBe(63015);
  });

  it('fails with 63015 once the sandbox membership expired after three days', async () => {
    await customerWrites();
    simulator.advanceTime(3 * DAY_MS + 1000);
    expect(simulator.isSandboxMember(sandboxAccount.accountSid, CUSTOMER)).toBe(false);
    expect(await failureOf({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Moi' })).toBe(63015);
  });

  it('fails a free-form message with 63016 when the customer last wrote over 24 hours ago', async () => {
    await customerWrites();
    simulator.advanceTime(DAY_MS + 60_000);
    expect(await failureOf({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, Body: 'Are you there?' })).toBe(63016);
  });

  it('fails a free-form message with 63016 when the customer never wrote', async () => {
    expect(await failureOf({ From: 'whatsapp:+358401110000', To: `whatsapp:${CUSTOMER}`, Body: 'Hello' }, fullAccount)).toBe(63016);
  });

  it('delivers an approved template outside the window, but not a pending one', async () => {
    await customerWrites();
    simulator.advanceTime(2 * DAY_MS);
    const templates = simulator.account(sandboxAccount.accountSid)!.templates;
    const approved = templates.find((t) => t.approval === 'approved')!;
    const pending = templates.find((t) => t.approval === 'pending')!;
    const { sid } = await (await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, ContentSid: approved.sid, StatusCallback: statusUrl })).json();
    expect((await statusesFor(sid, 3)).map((callback) => callback.form.MessageStatus)).toEqual(['sent', 'delivered', 'read']);
    receiver.requests.length = 0;
    expect(await failureOf({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, ContentSid: pending.sid })).toBe(63016);
  });

  it('downloads MediaUrl and keeps the bytes; fails with 63019 when it cannot', async () => {
    await customerWrites();
    const mediaUrl = `${receiver.url}/files/picture.png`;
    receiver.answerWith(200, 'PNGBYTES');
    const response = await create({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, MediaUrl: mediaUrl, StatusCallback: statusUrl });
    const { sid, num_media: numMedia } = await response.json();
    expect(sid).toMatch(/^MM[0-9a-f]{32}$/);
    expect(numMedia).toBe('1');
    const message = await simulator.waitForSent((candidate) => candidate.sid === sid && candidate.status === 'read');
    expect(message.media.map((media) => [media.url, media.bytes.toString()])).toEqual([[mediaUrl, 'PNGBYTES']]);

    receiver.answerWith(404, 'gone');
    receiver.requests.length = 0;
    expect(await failureOf({ From: SANDBOX, To: `whatsapp:${CUSTOMER}`, MediaUrl: `${receiver.url}/files/missing.png` })).toBe(63019);
  });
});
