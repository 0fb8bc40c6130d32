// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { responseValidator } from '../testing/twilio-sim/openapi';

const validAccount = {
  auth_token: null,
  date_created: null,
  date_updated: null,
  friendly_name: 'x',
  owner_account_sid: null,
  sid: 'AC0123456789abcdef0123456789abcdef',
  status: 'active',
  subresource_uris: null,
  type: 'Full',
  uri: null,
};

describe('the OpenAPI conformance check itself', () => {
  const validate = responseValidator('api', '/2010-04-01/Accounts/{Sid}.json', 'get', 200);

  it('accepts nulls where Twilio allows them', () => {
    expect(validate(validAccount)).toBe(true);
  });

  it.each([
    ['an unknown field', { ...validAccount, extra: 1 }],
    ['a missing field', Object.fromEntries(Object.entries(validAccount).filter(([key]) => key !== 'uri'))],
    ['a value outside the enum', { ...validAccount, status: 'sleeping' }],
    ['a SID of the wrong shape', { ...validAccount, sid: 'AC123' }],
    ['a null where Twilio never sends one', { ...validAccount, status: null }],
  ])('refuses %s', (_case, body) => {
    expect(validate(body)).toBe(false);
  });

  it('says so when the simulator answers a status Twilio does not describe', () => {
    expect(() => responseValidator('api', '/2010-04-01/Accounts/{Sid}.json', 'get', 418)).toThrow(/no JSON 418/);
  });
});
