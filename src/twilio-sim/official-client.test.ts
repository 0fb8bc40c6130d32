// @vitest-environment node
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { startCaptureServer } from '../testing/twilio-sim/capture-server';
import { fullAccount, sandboxAccount, tinyDelays } from '../testing/twilio-sim/fixtures';
import { assertValid, requestFormValidator, responseValidator } from '../testing/twilio-sim/openapi';
import { simulatorTwilioClient } from '../testing/twilio-sim/simulator-request-client';

const CUSTOMER = '+358401234567';
const SANDBOX = 'whatsapp:+14155238886';

let simulator: TwilioSimulator;
let receiver: Awaited<ReturnType<typeof startCaptureServer>>;
beforeAll(async () => {
  receiver = await startCaptureServer();
  simulator = await startTwilioSimulator({ accounts: [{ ...sandboxAccount, inboundUrl: `${receiver.url}/in` }], delaysMs: tinyDelays });
});
afterAll(async () => {
  await simulator.close();
  await receiver.close();
});

const client = () => simulatorTwilioClient(simulator.url, sandboxAccount.accountSid, sandboxAccount.authToken);
const validateCreateForm = requestFormValidator('api', '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'post');

describe('the official twilio client against the simulator', () => {
  it('fetches the account', async () => {
    const account = await client().api.v2010.accounts(sandboxAccount.accountSid).fetch();
    expect(account).toMatchObject({ sid: sandboxAccount.accountSid, friendlyName: 'Sandbox test account', status: 'active' });
  });

  it('gets a RestException 20003 for a wrong token', async () => {
    const wrong = simulatorTwilioClient(simulator.url, sandboxAccount.accountSid, fullAccount.authToken);
    const error = await wrong.api.v2010.accounts(sandboxAccount.accountSid).fetch().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 401, code: 20003, moreInfo: 'https://www.twilio.com/docs/errors/20003' });
  });

  it('creates messages whose form parameters fit the request Twilio describes', async () => {
    await simulator.sendInbound({ accountSid: sandboxAccount.accountSid, from: CUSTOMER, to: SANDBOX, body: `join ${sandboxAccount.sandbox.joinCode}` });
    const template = simulator.account(sandboxAccount.accountSid)!.templates[0]!;
    const text = await client().messages.create({ from: SANDBOX, to: `whatsapp:${CUSTOMER}`, body: 'Moi + hei & 👋', statusCallback: `${receiver.url}/status` });
    const withTemplate = await client().messages.create({ from: SANDBOX, to: `whatsapp:${CUSTOMER}`, contentSid: template.sid, contentVariables: JSON.stringify({ 1: 'Maija', 2: 'C-3' }) });
    const withMedia = await client().messages.create({ from: SANDBOX, to: `whatsapp:${CUSTOMER}`, mediaUrl: [`${receiver.url}/a.png`] });
    expect(text).toMatchObject({ status: 'queued', body: 'Moi + hei & 👋', direction: 'outbound-api', numMedia: '0' });
    expect(withTemplate.body).toBe('Hi Maija, your order C-3 is on its way.');
    expect(withMedia.sid).toMatch(/^MM/);

    const sent = simulator.sentMessages();
    expect(sent.map((message) => message.sid)).toEqual([text.sid, withTemplate.sid, withMedia.sid]);
    for (const message of sent) {
      const result = validateCreateForm(message.params);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
    expect(sent[2]!.params.MediaUrl).toBe(`${receiver.url}/a.png`);
  });

  it('gets a RestException 21211 for an invalid number', async () => {
    const error = await client().messages.create({ from: SANDBOX, to: 'whatsapp:+12', body: 'x' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, code: 21211 });
  });

  it('lists sent messages newest first, by To and From, following the pages, as Twilio describes the list', async () => {
    const other = 'whatsapp:+358401111111';
    const mine = [];
    for (const body of ['first', 'second', 'third']) mine.push(await client().messages.create({ from: SANDBOX, to: `whatsapp:${CUSTOMER}`, body }));
    await client().messages.create({ from: SANDBOX, to: other, body: 'to someone else' });
    const listed = await client().messages.list({ from: SANDBOX, to: `whatsapp:${CUSTOMER}`, pageSize: 2, limit: 3 });
    expect(listed.map((message) => message.body)).toEqual(['third', 'second', 'first']);
    expect(listed[0]!.dateCreated).toBeInstanceOf(Date);

    const response = await fetch(`${simulator.url}/2010-04-01/Accounts/${sandboxAccount.accountSid}/Messages.json?To=${encodeURIComponent(other)}&PageSize=5`, {
      headers: { authorization: `Basic ${Buffer.from(`${sandboxAccount.accountSid}:${sandboxAccount.authToken}`).toString('base64')}` },
    });
    const page = await response.json();
    assertValid(responseValidator('api', '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'get', 200), page);
    expect(page.messages.map((message: { body: string }) => message.body)).toEqual(['to someone else']);
    expect(mine).toHaveLength(3);
  });

  it('lists content and approvals, following the pages', async () => {
    const all = await client().content.v1.contentAndApprovals.list({ pageSize: 4 });
    expect(all).toHaveLength(6);
    const fi = all.find((item) => item.friendlyName === 'order_update' && item.language === 'fi')!;
    expect(fi.types).toEqual({ 'twilio/text': { body: 'Hei {{1}}, tilauksesi {{2}} on matkalla.' } });
    expect(fi.approvalRequests).toMatchObject({ status: 'approved' });
    const contents = await client().content.v1.contents.list();
    expect(contents.map((item) => item.sid)).toEqual(all.map((item) => item.sid));
  });
});

describe('the request validator', () => {
  it('rejects names Twilio does not know and a missing To', () => {
    expect(validateCreateForm({ To: 'whatsapp:+1', Bodyy: 'x' }).valid).toBe(false);
    expect(validateCreateForm({ From: 'whatsapp:+1', Body: 'x' }).valid).toBe(false);
    expect(validateCreateForm({ To: 'whatsapp:+1', Body: 'x', MediaUrl: ['a', 'b'] }).valid).toBe(true);
  });
});
