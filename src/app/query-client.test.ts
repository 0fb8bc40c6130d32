import { describe, expect, test } from 'vitest';
import { forbiddenBody, unauthorizedBody } from '@/api/contract/problem-bodies';
import { ApiError } from '@/api/problem';
import { sessionQueries } from '@/resources/session';
import { unauthorizedIsAnswer } from '@/resources/session-recheck';
import { createQueryClient } from './query-client';

const session = { user: { id: 'u1', name: 'Aino Admin', email: 'a@b.c', role: 'admin' as const, presence: 'available' as const }, csrfToken: 't', expiresAt: new Date().toISOString() };

function clientWithSession() {
  const client = createQueryClient();
  client.setQueryData(sessionQueries.current().queryKey, session);
  // Nothing watches the session here, so an invalidation marks it without fetching.
  return client;
}

const sessionInvalidated = (client: ReturnType<typeof createQueryClient>) =>
  client.getQueryCache().find({ queryKey: sessionQueries.current().queryKey })?.state.isInvalidated;

describe('the app’s query client', () => {
  test.each([
    ['401', unauthorizedBody()],
    ['403', forbiddenBody()],
  ])('asks for the session again when a query fails with %s', async (_status, body) => {
    const client = clientWithSession();
    await client.fetchQuery({ queryKey: ['queues'], queryFn: () => Promise.reject(new ApiError(body)) }).catch(() => undefined);
    expect(sessionInvalidated(client)).toBe(true);
  });

  test('asks for it again when a save fails with 403', async () => {
    const client = clientWithSession();
    const mutation = client.getMutationCache().build(client, { mutationFn: () => Promise.reject(new ApiError(forbiddenBody())) });
    await mutation.execute(undefined).catch(() => undefined);
    expect(sessionInvalidated(client)).toBe(true);
  });

  test('leaves it alone for a wrong password at sign-in', async () => {
    const client = clientWithSession();
    const mutation = client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(new ApiError(unauthorizedBody())), meta: unauthorizedIsAnswer });
    await mutation.execute(undefined).catch(() => undefined);
    expect(sessionInvalidated(client)).toBe(false);
  });
});
