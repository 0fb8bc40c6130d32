// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTwilioSimulator, type TwilioSimulator } from './server';
import { basicAuth, fullAccount, sandboxAccount } from '../testing/twilio-sim/fixtures';
import { assertValid, responseValidator } from '../testing/twilio-sim/openapi';

let simulator: TwilioSimulator;
beforeAll(async () => {
  simulator = await startTwilioSimulator({
    accounts: [
      sandboxAccount,
      { ...fullAccount, templates: [{ friendlyName: 'only_one', language: 'en', body: 'Hi {{1}}', variables: { '1': 'you' }, approval: 'approved' }] },
    ],
  });
});
afterAll(() => simulator.close());

const list = (path: string, account: { accountSid: string; authToken: string } = sandboxAccount) =>
  fetch(simulator.url + path, { headers: { Authorization: basicAuth(account.accountSid, account.authToken) } });

describe('Content API', () => {
  it('lists the account’s templates with approvals, as Twilio describes ContentAndApprovals', async () => {
    const response = await list('/v1/ContentAndApprovals');
    expect(response.status).toBe(200);
    const body = await response.json();
    assertValid(responseValidator('content', '/v1/ContentAndApprovals', 'get', 200), body);
    expect(body.meta).toMatchObject({ page: 0, page_size: 50, key: 'contents', next_page_url: null, previous_page_url: null });
    const byName = (name: string, language: string) => body.contents.find((item: { friendly_name: string; language: string }) => item.friendly_name === name && item.language === language);
    expect(byName('order_update', 'fi')).toMatchObject({
      account_sid: sandboxAccount.accountSid,
      types: { 'twilio/text': { body: 'Hei {{1}}, tilauksesi {{2}} on matkalla.' } },
      variables: { '1': 'Anna', '2': 'A-1001' },
      approval_requests: { status: 'approved', category: 'UTILITY', content_type: 'twilio/text', rejection_reason: '' },
    });
    expect(byName('spring_offer', 'en').approval_requests.status).toBe('pending');
    expect(byName('appointment_reminder', 'fi').approval_requests).toMatchObject({ status: 'rejected', rejection_reason: expect.stringContaining('INVALID_FORMAT') });
    expect(new Set(body.contents.map((item: { language: string }) => item.language))).toEqual(new Set(['en', 'fi']));
    for (const item of body.contents) expect(item.sid).toMatch(/^HX[0-9a-f]{32}$/);
  });

  it('pages with PageSize and Page, linking the next and previous pages', async () => {
    const first = await (await list('/v1/ContentAndApprovals?PageSize=4')).json();
    expect(first.contents).toHaveLength(4);
    expect(first.meta.next_page_url).toMatch(/PageSize=4&Page=1/);
    const second = await (await fetch(first.meta.next_page_url, { headers: { Authorization: basicAuth(sandboxAccount.accountSid, sandboxAccount.authToken) } })).json();
    assertValid(responseValidator('content', '/v1/ContentAndApprovals', 'get', 200), second);
    expect(second.contents).toHaveLength(2);
    expect(second.meta.next_page_url).toBeNull();
    expect(second.meta.previous_page_url).toMatch(/Page=0/);
    const sids = [...first.contents, ...second.contents].map((item: { sid: string }) => item.sid);
    expect(new Set(sids).size).toBe(6);
  });

  it('lists Content with links, as Twilio describes it', async () => {
    const body = await (await list('/v1/Content')).json();
    assertValid(responseValidator('content', '/v1/Content', 'get', 200), body);
    expect(body.contents[0].links.approval_fetch).toMatch(/\/v1\/Content\/HX[0-9a-f]{32}\/ApprovalRequests$/);
  });

  it('shows each account only its own templates, with SIDs that stay the same', async () => {
    const body = await (await list('/v1/ContentAndApprovals', fullAccount)).json();
    expect(body.contents.map((item: { friendly_name: string }) => item.friendly_name)).toEqual(['only_one']);
    const again = await startTwilioSimulator({ accounts: [sandboxAccount] });
    try {
      expect(again.account(sandboxAccount.accountSid)!.templates.map((t) => t.sid)).toEqual(simulator.account(sandboxAccount.accountSid)!.templates.map((t) => t.sid));
    } finally {
      await again.close();
    }
  });

  it('answers 401 for a wrong token', async () => {
    const response = await list('/v1/ContentAndApprovals', { ...sandboxAccount, authToken: fullAccount.authToken });
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe(20003);
  });
});
