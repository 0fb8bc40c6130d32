import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { PROBLEM_CONTENT_TYPE, problemTypes } from '@/api/contract/problem';
import { createTestBackend } from './node';
import { demoIds, demoSeed } from './seed';

const backend = createTestBackend('demo');
beforeAll(() => backend.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => backend.server.close());
beforeEach(async () => {
  // A fault left armed by a failed test must not leak into the next one: spend it.
  if (backend.faults.armed) await call('POST', '/api/whatsapp-accounts', {});
  backend.db.reset();
});

const seeded = demoSeed().accounts[0]!;
const seededNumber = demoSeed().numbers[0]!;
const accountUrl = `/api/whatsapp-accounts/${seeded.id}`;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${location.origin}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), json: text ? (JSON.parse(text) as unknown) : null };
}

const newAccount = {
  name: 'Fabrikam',
  channel: 'whatsapp',
  accountSid: `AC${'ab12'.repeat(8)}`,
  authToken: 'cd34'.repeat(8),
  numbers: [{ name: 'Helpdesk', number: '+358501112233' }],
};

describe('the demo seed', () => {
  test('lists the sandbox account, its number bound to the support workstream, and the Nordic account', async () => {
    const { status, json } = await call('GET', '/api/whatsapp-accounts');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      items: [
        { id: demoIds.nordicAccount, numbers: [{ number: '+358505550101', workstream: null }, { number: '+46705550102' }] },
        {
          id: seeded.id,
          name: seeded.name,
          authTokenHint: seeded.authTokenHint,
          numbers: [{ number: '+14155238886', workstream: { id: demoIds.supportWorkstream } }],
          templateCount: 4,
        },
      ],
    });
  });
});

describe('failNextWrite', () => {
  test('is not armed until asked', () => {
    expect(backend.faults.armed).toBe(false);
    backend.faults.failNextWrite();
    expect(backend.faults.armed).toBe(true);
  });

  test('lets reads through and stays armed', async () => {
    backend.faults.failNextWrite();
    expect((await call('GET', '/api/whatsapp-accounts')).status).toBe(200);
    expect((await call('GET', accountUrl)).status).toBe(200);
    expect((await call('GET', `${accountUrl}/numbers`)).status).toBe(200);
    expect(backend.faults.armed).toBe(true);
  });

  test('fails the next write with a 500 problem, saving nothing', async () => {
    backend.faults.failNextWrite();
    const before = structuredClone(backend.db.data);

    const failed = await call('POST', '/api/whatsapp-accounts', newAccount);

    expect(failed.status).toBe(500);
    expect(failed.contentType).toContain(PROBLEM_CONTENT_TYPE);
    expect(failed.json).toMatchObject({ type: problemTypes.server, status: 500 });
    expect(backend.db.data).toEqual(before);
  });

  test('fails exactly one write: the retry succeeds', async () => {
    backend.faults.failNextWrite();
    expect((await call('POST', '/api/whatsapp-accounts', newAccount)).status).toBe(500);
    expect(backend.faults.armed).toBe(false);
    expect((await call('POST', '/api/whatsapp-accounts', newAccount)).status).toBe(201);
    expect((await call('PATCH', accountUrl, { version: seeded.version, name: 'Renamed' })).status).toBe(200);
  });

  test('arming it twice before a write still fails only one', async () => {
    backend.faults.failNextWrite();
    backend.faults.failNextWrite();
    const unboundNumber = `/api/whatsapp-accounts/${demoIds.nordicAccount}/numbers/${demoIds.stockholmNumber}`;
    expect((await call('DELETE', unboundNumber)).status).toBe(500);
    expect((await call('DELETE', unboundNumber)).status).toBe(204);
  });

  test.each([
    ['POST', '/api/whatsapp-accounts', newAccount],
    ['PATCH', accountUrl, { version: 1, name: 'Renamed' }],
    ['DELETE', accountUrl, undefined],
    ['POST', `${accountUrl}/numbers`, { name: 'Sales', number: '+358409876543' }],
    ['PATCH', `${accountUrl}/numbers/${seededNumber.id}`, { version: 1, name: 'Renamed' }],
    ['DELETE', `${accountUrl}/numbers/${seededNumber.id}`, undefined],
  ])('fails a %s to %s', async (method, path, body) => {
    backend.faults.failNextWrite();
    expect((await call(method, path, body)).status).toBe(500);
    expect(backend.db.data).toEqual(demoSeed());
  });

  test('fails even a write that would have been invalid: the server “crashed” first', async () => {
    backend.faults.failNextWrite();
    expect((await call('POST', '/api/whatsapp-accounts', { name: '' })).status).toBe(500);
    expect((await call('POST', '/api/whatsapp-accounts', { name: '' })).status).toBe(400);
  });
});
