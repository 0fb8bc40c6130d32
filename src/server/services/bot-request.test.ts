import { describe, expect, it } from 'vitest';
import { botRequestOf, botSignature, postToBot } from './bot-request';

const request = botRequestOf({
  deliveryId: 'd1',
  conversation: { id: 'c1', workstreamId: 'w1', language: 'en', botTurns: 0, customerPhone: '+358501234567', profileName: null, contextVariables: {} },
  message: { id: 'm1', body: 'Hi', media: [] },
});
const answering = (response: Response) => (async () => response) as typeof fetch;
const options = { url: 'https://bot.example.com/', secret: 's'.repeat(16), now: new Date('2026-12-07T10:00:00Z') };

describe('postToBot', () => {
  it('signs the exact body it sends, with the timestamp in seconds', async () => {
    let sent: RequestInit | undefined;
    const fetch = (async (_url: string, init: RequestInit) => {
      sent = init;
      return new Response('{}');
    }) as unknown as typeof globalThis.fetch;
    expect(await postToBot({ ...options, fetch }, request)).toEqual({ kind: 'replied', status: 200, text: '{}' });
    const headers = sent!.headers as Record<string, string>;
    expect(headers['x-admin-center-timestamp']).toBe('1796637600');
    expect(headers['x-admin-center-signature']).toBe(botSignature(options.secret, 1796637600, sent!.body as string));
    expect(sent!.redirect).toBe('manual');
  });

  it('stops reading an answer past 256 KiB and calls it malformed', async () => {
    const huge = new Response('x'.repeat(300 * 1024));
    expect(await postToBot({ ...options, fetch: answering(huge) }, request)).toEqual({ kind: 'failed', reason: 'malformed', detail: 'the answer is larger than 256 KiB' });
  });

  it('tells a timeout from a bot that cannot be reached', async () => {
    const timeout = (async () => {
      throw new DOMException('The operation timed out.', 'TimeoutError');
    }) as typeof fetch;
    const refused = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    }) as typeof fetch;
    expect(await postToBot({ ...options, fetch: timeout }, request)).toMatchObject({ kind: 'failed', reason: 'timeout', detail: 'no answer within 5 s' });
    expect(await postToBot({ ...options, fetch: refused }, request)).toMatchObject({ kind: 'failed', reason: 'unreachable', detail: 'could not connect (ECONNREFUSED)' });
  });
});
