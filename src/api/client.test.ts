import { describe, expect, test, vi } from 'vitest';
import { createApiClient } from './client';
import { PROBLEM_CONTENT_TYPE, problemTypes } from './contract/problem';
import type { WhatsAppAccount } from './contract/whatsapp-account';
import { ApiError } from './problem';

const ACCOUNT_ID = '7b0e1f5e-4c1a-4d55-9a7e-0d2f3c9b8a01';

const account: WhatsAppAccount = {
  id: ACCOUNT_ID,
  name: 'Contoso support',
  channel: 'whatsapp',
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authTokenHint: '4c2e',
  numbers: [
    {
      id: 'c5d1f0a2-9e33-4b7c-8f61-2a4b6c8d0e12',
      accountId: ACCOUNT_ID,
      name: 'Twilio sandbox',
      number: '+14155238886',
      workstream: null,
      openConversations: 0,
      createdAt: '2026-01-15T09:30:00.000Z',
      version: 1,
    },
  ],
  templateCount: 0,
  inboundUrl: `https://admin.example.com/webhooks/twilio/whatsapp/${ACCOUNT_ID}`,
  statusCallbackUrl: `https://admin.example.com/webhooks/twilio/status/${ACCOUNT_ID}`,
  createdAt: '2026-01-15T09:30:00.000Z',
  updatedAt: '2026-01-15T09:30:00.000Z',
  version: 1,
};

const json = (body: unknown, status = 200, contentType = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });

/** A client whose fetch answers with the given response and records what it was asked. */
function clientAnswering(answer: () => Response | Promise<Response>) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () => answer());
  return { client: createApiClient({ baseUrl: 'https://api.example.com', fetch }), fetch };
}

async function failure(request: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await request.then(
    () => new Error('Expected the request to fail, but it succeeded.'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

describe('createApiClient', () => {
  describe('requests', () => {
    test('a read is a GET to the base URL with no body', async () => {
      const { client, fetch } = clientAnswering(() => json({ items: [account] }));
      await expect(client.accounts.list()).resolves.toEqual({ items: [account] });

      const [url, init] = fetch.mock.calls[0]!;
      expect(url).toBe('https://api.example.com/api/whatsapp-accounts');
      expect(init).toMatchObject({ method: 'GET', body: null, headers: { accept: 'application/json' } });
    });

    test('a write sends JSON with its content type', async () => {
      const { client, fetch } = clientAnswering(() => json(account, 201));
      const input = {
        name: 'Contoso support',
        channel: 'whatsapp' as const,
        accountSid: account.accountSid,
        authToken: '0123456789abcdef0123456789ab4c2e',
        numbers: [{ name: 'Twilio sandbox', number: '+14155238886' }],
      };
      await client.accounts.create(input);

      const [url, init] = fetch.mock.calls[0]!;
      expect(url).toBe('https://api.example.com/api/whatsapp-accounts');
      expect(init?.method).toBe('POST');
      expect(init?.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
      expect(JSON.parse(String(init?.body))).toEqual(input);
    });

    test('ids are escaped in the path', async () => {
      const { client, fetch } = clientAnswering(() => new Response(null, { status: 204 }));
      await client.numbers.remove('a/b', 'c?d');
      expect(fetch.mock.calls[0]![0]).toBe('https://api.example.com/api/whatsapp-accounts/a%2Fb/numbers/c%3Fd');
      expect(fetch.mock.calls[0]![1]?.method).toBe('DELETE');
    });

    test('without a base URL, requests go to the page’s own origin', async () => {
      const fetch = vi.fn<typeof globalThis.fetch>(async () => json({ items: [] }));
      await createApiClient({ fetch }).accounts.list();
      expect(fetch.mock.calls[0]![0]).toBe('/api/whatsapp-accounts');
    });
  });

  describe('successful responses', () => {
    test('are checked against the contract and returned', async () => {
      const { client } = clientAnswering(() => json(account));
      await expect(client.accounts.get(ACCOUNT_ID)).resolves.toEqual(account);
    });

    test('lose fields outside the contract, so a token a server leaked never reaches the UI', async () => {
      const { client } = clientAnswering(() => json({ ...account, authToken: '0123456789abcdef0123456789ab4c2e' }));
      const received = await client.accounts.get(ACCOUNT_ID);
      expect(received).not.toHaveProperty('authToken');
    });

    test('a 204 delete resolves without reading a body', async () => {
      const { client } = clientAnswering(() => new Response(null, { status: 204 }));
      await expect(client.accounts.remove(ACCOUNT_ID)).resolves.toBeUndefined();
    });
  });

  describe('problem details', () => {
    test('become an ApiError with status, type, detail and field errors', async () => {
      const errors = [
        { path: 'accountSid', code: 'accountSid.wrongPrefix', message: 'An Account SID starts with AC…' },
        { path: 'numbers.1.number', code: 'number.duplicate', message: 'This number is already in the list.' },
      ];
      const { client } = clientAnswering(() =>
        json({ type: problemTypes.validation, title: 'Some fields need attention', status: 400, errors }, 400, PROBLEM_CONTENT_TYPE),
      );
      const error = await failure(client.accounts.create({} as never));

      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('ApiError');
      expect(error.status).toBe(400);
      expect(error.problem.type).toBe(problemTypes.validation);
      expect(error.fieldErrors).toEqual(errors);
      expect(error.message).toBe('Some fields need attention');
      expect(error.isVersionConflict).toBe(false);
      expect(error.isNetworkFailure).toBe(false);
    });

    test('the message is the detail when there is one', async () => {
      const { client } = clientAnswering(() =>
        json({ type: problemTypes.notFound, title: 'Not found', status: 404, detail: 'This account does not exist.' }, 404, PROBLEM_CONTENT_TYPE),
      );
      const error = await failure(client.accounts.get(ACCOUNT_ID));
      expect(error.message).toBe('This account does not exist.');
      expect(error.fieldErrors).toEqual([]);
    });

    test('a version conflict is recognised by its type', async () => {
      const { client } = clientAnswering(() =>
        json({ type: problemTypes.versionConflict, title: 'Changed by someone else', status: 409 }, 409, PROBLEM_CONTENT_TYPE),
      );
      const error = await failure(client.accounts.update(ACCOUNT_ID, { version: 1, name: 'x' }));
      expect(error.status).toBe(409);
      expect(error.isVersionConflict).toBe(true);
    });

    test('a plain conflict is not a version conflict', async () => {
      const { client } = clientAnswering(() =>
        json({ type: problemTypes.conflict, title: 'Conflict', status: 409 }, 409, PROBLEM_CONTENT_TYPE),
      );
      expect((await failure(client.accounts.update(ACCOUNT_ID, { version: 1 }))).isVersionConflict).toBe(false);
    });

    test('the HTTP status wins over the status in the body, and a missing type is about:blank', async () => {
      const { client } = clientAnswering(() => json({ title: 'Teapot', status: 200 }, 418, PROBLEM_CONTENT_TYPE));
      const error = await failure(client.accounts.list());
      expect(error.status).toBe(418);
      expect(error.problem.type).toBe('about:blank');
    });

    test('a failure that is not problem details (a proxy’s HTML page) is a server error with the HTTP status', async () => {
      const { client } = clientAnswering(
        () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }),
      );
      const error = await failure(client.accounts.list());
      expect(error.status).toBe(502);
      expect(error.problem).toMatchObject({ type: problemTypes.server, title: 'Bad Gateway' });
      expect(error.fieldErrors).toEqual([]);
    });

    test('an empty failure without a status text still gets a title', async () => {
      const { client } = clientAnswering(() => new Response(null, { status: 500 }));
      const error = await failure(client.accounts.list());
      expect(error.status).toBe(500);
      expect(error.problem.title).not.toBe('');
    });
  });

  describe('network failures', () => {
    test('a rejected fetch becomes an ApiError with status 0', async () => {
      const { client } = clientAnswering(() => {
        throw new TypeError('Failed to fetch');
      });
      const error = await failure(client.accounts.list());
      expect(error.isNetworkFailure).toBe(true);
      expect(error.status).toBe(0);
      expect(error.problem.detail).toBe('Failed to fetch');
    });

    test('whatever was thrown, not only errors', async () => {
      const { client } = clientAnswering(() => Promise.reject('offline'));
      const error = await failure(client.accounts.remove(ACCOUNT_ID));
      expect(error.isNetworkFailure).toBe(true);
      expect(error.problem.detail).toBe('offline');
    });
  });

  describe('responses that break the contract', () => {
    test('a body of the wrong shape is reported as a contract violation naming the path', async () => {
      const { client } = clientAnswering(() => json({ ...account, version: 'one' }));
      const error = await failure(client.accounts.get(ACCOUNT_ID));
      expect(error.status).toBe(502);
      expect(error.problem).toMatchObject({ type: problemTypes.server, title: 'Unexpected response' });
      expect(error.problem.detail).toContain(`/api/whatsapp-accounts/${ACCOUNT_ID}`);
      expect(error.problem.detail).toContain('version');
      expect(error.isNetworkFailure).toBe(false);
    });

    test('a success that is not JSON at all', async () => {
      const { client } = clientAnswering(() => new Response('<html>Login</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
      const error = await failure(client.accounts.list());
      expect(error.problem.title).toBe('Unexpected response');
    });

    test('an empty success where a body was expected', async () => {
      const { client } = clientAnswering(() => new Response(null, { status: 200 }));
      const error = await failure(client.numbers.list(ACCOUNT_ID));
      expect(error.problem.title).toBe('Unexpected response');
    });
  });
});
