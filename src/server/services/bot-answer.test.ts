import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { interpretBotReply } from './bot-answer';
import { botSignature, postToBot } from './bot-request';

const replied = (status: number, body: unknown) => ({ kind: 'replied' as const, status, text: typeof body === 'string' ? body : JSON.stringify(body) });

describe('interpretBotReply', () => {
  it('takes a 2xx with a valid answer, ignoring keys it does not know', () => {
    const answer = { messages: [{ text: 'Hi' }, { template: { name: 'order_update', variables: ['42'] } }], handoff: { queue: 'Billing', variables: { topic: 'billing' } }, mood: 'happy' };
    expect(interpretBotReply(replied(200, answer))).toEqual({
      kind: 'answer',
      answer: { messages: [{ text: 'Hi' }, { template: { name: 'order_update', variables: ['42'] } }], handoff: { queue: 'Billing', variables: { topic: 'billing' } } },
    });
    expect(interpretBotReply(replied(204, {}))).toEqual({ kind: 'answer', answer: {} });
  });

  it('hands over on an error status, without reading the body', () => {
    expect(interpretBotReply(replied(500, 'secret stack trace'))).toEqual({ kind: 'failed', reason: 'httpError', detail: 'HTTP 500' });
    expect(interpretBotReply(replied(302, ''))).toEqual({ kind: 'failed', reason: 'httpError', detail: 'HTTP 302' });
  });

  it('calls an answer that is not JSON, or not a bot answer, malformed and says where', () => {
    expect(interpretBotReply(replied(200, '<html>'))).toEqual({ kind: 'failed', reason: 'malformed', detail: 'the answer is not JSON' });
    const tooLong = interpretBotReply(replied(200, { messages: [{ text: 'x'.repeat(1601) }] }));
    expect(tooLong).toMatchObject({ kind: 'failed', reason: 'malformed' });
    expect(tooLong.kind === 'failed' && tooLong.detail).toMatch(/^messages\.0/);
    expect(interpretBotReply(replied(200, { messages: Array.from({ length: 6 }, () => ({ text: 'a' })) }))).toMatchObject({ reason: 'malformed' });
    expect(interpretBotReply(replied(200, [1, 2]))).toMatchObject({ reason: 'malformed', detail: expect.stringMatching(/^the answer: /) });
  });

  it('passes a failure to reach the bot through', () => {
    expect(interpretBotReply({ kind: 'failed', reason: 'timeout', detail: 'no answer within 5 s' })).toEqual({ kind: 'failed', reason: 'timeout', detail: 'no answer within 5 s' });
  });
});

describe('postToBot', () => {
  const request = {
    version: 1 as const,
    deliveryId: '0d6ac8f4-7f9e-4a35-9d37-1f0f4a1c2b3d',
    conversation: { id: '1d6ac8f4-7f9e-4a35-9d37-1f0f4a1c2b3d', workstreamId: '2d6ac8f4-7f9e-4a35-9d37-1f0f4a1c2b3d', language: 'en', turn: 1 },
    customer: { phone: '+358501234567', name: null },
    message: { id: '3d6ac8f4-7f9e-4a35-9d37-1f0f4a1c2b3d', text: 'Hi', media: [] },
    contextVariables: {},
  };

  it('signs the exact body with the timestamp, and does not follow redirects', async () => {
    let seen: RequestInit | undefined;
    const reply = await postToBot(
      {
        fetch: async (_url, init) => {
          seen = init;
          return new Response('{}', { status: 200 });
        },
        url: 'https://bot.example.com',
        secret: 'the-secret-of-sixteen',
        now: new Date('2026-03-25T09:00:00.500Z'),
      },
      request,
    );
    expect(reply).toEqual({ kind: 'replied', status: 200, text: '{}' });
    const headers = seen!.headers as Record<string, string>;
    expect(headers['x-admin-center-timestamp']).toBe('1774429200');
    const mac = createHmac('sha256', 'the-secret-of-sixteen').update(`1774429200.${String(seen!.body)}`).digest('hex');
    expect(headers['x-admin-center-signature']).toBe(`sha256=${mac}`);
    expect(botSignature('the-secret-of-sixteen', 1774429200, String(seen!.body))).toBe(`sha256=${mac}`);
    expect(seen!.redirect).toBe('manual');
    expect(JSON.parse(String(seen!.body))).toEqual(request);
  });

  it('tells a timeout from a bot that cannot be reached, naming no secret', async () => {
    const options = { url: 'https://bot.example.com', secret: 'the-secret-of-sixteen', now: new Date(), timeoutMs: 20 };
    const slow = await postToBot({ ...options, fetch: (_url, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason as Error))) }, request);
    expect(slow).toEqual({ kind: 'failed', reason: 'timeout', detail: 'no answer within 0.02 s' });
    const refused = await postToBot({ ...options, fetch: () => Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })) }, request);
    expect(refused).toEqual({ kind: 'failed', reason: 'unreachable', detail: 'could not connect (ECONNREFUSED)' });
  });
});
