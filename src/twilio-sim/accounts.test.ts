// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { basicAuth, fullAccount, sandboxAccount } from '../testing/twilio-sim/fixtures';
import { assertValid, responseValidator } from '../testing/twilio-sim/openapi';

let simulator: TwilioSimulator;
beforeAll(async () => {
  simulator = await startTwilioSimulator({ accounts: [sandboxAccount, fullAccount] });
});
afterAll(() => simulator.close());

const accountPath = (sid: string) => `/2010-04-01/Accounts/${sid}.json`;
const fetchAccount = (sid: string, authorization?: string) =>
  fetch(simulator.url + accountPath(sid), { headers: authorization ? { Authorization: authorization } : {} });

describe('account fetch', () => {
  it('answers the account resource exactly as Twilio describes it', async () => {
    const response = await fetchAccount(sandboxAccount.accountSid, basicAuth(sandboxAccount.accountSid, sandboxAccount.authToken));
    expect(response.status).toBe(200);
    const body = await response.json();
    assertValid(responseValidator('api', '/2010-04-01/Accounts/{Sid}.json', 'get', 200), body);
    expect(body).toMatchObject({ sid: sandboxAccount.accountSid, friendly_name: 'Sandbox test account', status: 'active', type: 'Trial' });
    expect(body.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
  });

  it.each([
    ['a wrong token', basicAuth(sandboxAccount.accountSid, fullAccount.authToken)],
    ['an unknown SID', basicAuth('AC99999999999999999999999999999999', sandboxAccount.authToken)],
    ['no credentials', undefined],
  ])('answers 401 with Twilio error 20003 for %s', async (_case, authorization) => {
    const response = await fetchAccount(sandboxAccount.accountSid, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic');
    expect(await response.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it("answers 404 for another account's resource", async () => {
    const response = await fetchAccount(fullAccount.accountSid, basicAuth(sandboxAccount.accountSid, sandboxAccount.authToken));
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe(20404);
  });

  it('knows accounts added later', async () => {
    const added = { accountSid: 'AC11111111111111111111111111111111', authToken: '22222222222222222222222222222222' };
    simulator.addAccount(added);
    const response = await fetchAccount(added.accountSid, basicAuth(added.accountSid, added.authToken));
    expect(response.status).toBe(200);
    expect((await response.json()).type).toBe('Full');
  });
});
