import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createApiClient } from './client';
import { PROBLEM_CONTENT_TYPE } from './contract/problem';
import { ApiError } from './problem';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const CONVERSATION = '0f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a10';
const path = `/api/conversations/${CONVERSATION}/media`;

describe('uploading a file with progress', () => {
  test('sends the bytes with their type and the URI-encoded name, and reads the answer against the contract', async () => {
    const seen: { type: string | null; name: string | null; bytes: string }[] = [];
    server.use(
      http.post(path, async ({ request }) => {
        seen.push({ type: request.headers.get('content-type'), name: request.headers.get('x-filename'), bytes: await request.text() });
        return HttpResponse.json({ id: 'u1', contentType: 'application/pdf', size: 8, filename: 'Lasku ä.pdf' }, { status: 201 });
      }),
    );
    const progress: number[] = [];
    const upload = await createApiClient().conversations.uploadMedia(
      CONVERSATION,
      new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
      'Lasku ä.pdf',
      (fraction) => progress.push(fraction),
    );
    expect(upload).toEqual({ id: 'u1', contentType: 'application/pdf', size: 8, filename: 'Lasku ä.pdf' });
    expect(seen).toEqual([{ type: 'application/pdf', name: 'Lasku%20%C3%A4.pdf', bytes: '%PDF-1.7' }]);
    expect(progress.every((fraction) => fraction >= 0 && fraction <= 1)).toBe(true);
  });

  test('a refusal arrives as problem details, as with fetch', async () => {
    server.use(
      http.post(path, () =>
        HttpResponse.json(
          { type: '/problems/payload-too-large', title: 'Too large', status: 413, detail: 'WhatsApp accepts files of at most 16 MB.' },
          { status: 413, headers: { 'content-type': PROBLEM_CONTENT_TYPE } },
        ),
      ),
    );
    const failure = await createApiClient()
      .conversations.uploadMedia(CONVERSATION, new Blob(['x'], { type: 'video/mp4' }), 'big.mp4', () => {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(413);
    expect((failure as ApiError).problem.detail).toBe('WhatsApp accepts files of at most 16 MB.');
  });

  test('a network failure is reported as one', async () => {
    server.use(http.post(path, () => HttpResponse.error()));
    const failure = await createApiClient()
      .conversations.uploadMedia(CONVERSATION, new Blob(['x'], { type: 'image/png' }), 'a.png', () => {})
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).isNetworkFailure).toBe(true);
  });
});
