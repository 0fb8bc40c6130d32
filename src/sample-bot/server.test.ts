// @vitest-environment node
import { createHmac, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import type { BotAnswer, BotRequest } from '@/domain/bot/bot-protocol';
import { MAX_REQUEST_BYTES, startSampleBot, type SampleBot, type SampleBotOptions } from './server';

const SECRET = 'the-shared-secret-of-the-test';
const running: SampleBot[] = [];

async function startBot(options: Partial<SampleBotOptions> = {}) {
  const bot = await startSampleBot({ secret: SECRET, ...options });
  running.push(bot);
  return bot;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((bot) => bot.close()));
});

function botRequest(text: string, overrides: { language?: string; turn?: number; deliveryId?: string } = {}): BotRequest {
  return {
    version: 1,
    deliveryId: overrides.deliveryId ?? randomUUID(),
    conversation: { id: 'conversation-1', workstreamId: 'workstream-1', language: overrides.language ?? 'en', turn: overrides.turn ?? 1 },
    customer: { phone: '+358401234567', name: 'Maija Meikäläinen' },
    message: { id: randomUUID(), text, media: [] },
    contextVariables: {},
  };
}

/** Signs as the admin center does, written here from docs/bot-api.md rather than taken from the bot's verifier. */
function signedHeaders(rawBody: string, options: { secret?: string; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', options.secret ?? SECRET).update(`${timestamp}.${rawBody}`).digest('hex');
  return { 'content-type': 'application/json', 'x-admin-center-timestamp': timestamp, 'x-admin-center-signature': `sha256=${signature}` };
}

async function post(bot: SampleBot, rawBody: string, headers: Record<string, string> = signedHeaders(rawBody), signal?: AbortSignal) {
  const response = await fetch(bot.url, { method: 'POST', body: rawBody, headers, signal });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as BotAnswer & { error?: string }) };
}

const ask = (bot: SampleBot, request: BotRequest) => post(bot, JSON.stringify(request));

describe('the signature', () => {
  test('a request signed with the shared secret gets an answer', async () => {
    const bot = await startBot();
    const { status, body } = await ask(bot, botRequest('hello'));
    expect(status).toBe(200);
    expect(body?.messages).toHaveLength(1);
  });

  test('is refused with 401 when signed with another secret, too old, or for another body', async () => {
    const bot = await startBot();
    const raw = JSON.stringify(botRequest('hello'));
    const fiveMinutesAndMore = Math.floor(Date.now() / 1000) - 301;
    expect((await post(bot, raw, signedHeaders(raw, { secret: 'not-the-shared-secret' }))).status).toBe(401);
    expect((await post(bot, raw, signedHeaders(raw, { timestamp: fiveMinutesAndMore }))).status).toBe(401);
    expect((await post(bot, raw.replace('hello', 'hellO'), signedHeaders(raw))).status).toBe(401);
    expect((await post(bot, raw, { 'content-type': 'application/json' })).status).toBe(401);
  });

  test('refusals do not echo the secret', async () => {
    const bot = await startBot();
    const raw = JSON.stringify(botRequest('hello'));
    const { body } = await post(bot, raw, signedHeaders(raw, { secret: 'not-the-shared-secret' }));
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });
});

describe('the menu', () => {
  test('a message that is no choice gets the menu, in English by default', async () => {
    const bot = await startBot();
    const { body } = await ask(bot, botRequest('Hello, I have a question'));
    expect(body).toEqual({ messages: [{ text: expect.stringContaining('1 Billing') }] });
  });

  test('in Finnish for a Finnish conversation', async () => {
    const bot = await startBot();
    const { body } = await ask(bot, botRequest('Moi', { language: 'fi' }));
    expect(body).toEqual({ messages: [{ text: expect.stringContaining('1 Laskutus') }] });
  });

  test('"1" hands the conversation over with topic billing and a thank-you', async () => {
    const bot = await startBot();
    const { status, body } = await ask(bot, botRequest('1', { turn: 2 }));
    expect(status).toBe(200);
    expect(body?.handoff).toEqual({ variables: { topic: 'billing' }, reason: expect.stringContaining('billing') });
    expect(body?.messages).toEqual([{ text: expect.stringContaining('billing team') }]);
  });

  test('the words "billing" and "laskutus" choose billing too, each answered in the conversation\'s language', async () => {
    const bot = await startBot();
    const english = await ask(bot, botRequest('Billing'));
    const finnish = await ask(bot, botRequest('laskutus', { language: 'fi' }));
    expect(english.body?.handoff?.variables).toEqual({ topic: 'billing' });
    expect(finnish.body?.handoff?.variables).toEqual({ topic: 'billing' });
    expect(finnish.body?.messages).toEqual([{ text: expect.stringContaining('Laskutustiimimme') }]);
  });
});

describe('requests that are not bot requests', () => {
  test('a repeated delivery id gets the same answer as the first time: the hand-off again', async () => {
    const bot = await startBot();
    const request = botRequest('1');
    const first = await ask(bot, request);
    expect(first.body?.handoff).toEqual({ variables: { topic: 'billing' }, reason: expect.stringContaining('billing') });
    expect(await ask(bot, request)).toEqual(first);
    expect(await ask(bot, request)).toEqual(first);
  });

  test('a repeat is answered from memory, not from its text: the id decides', async () => {
    const bot = await startBot();
    const request = botRequest('hello');
    const first = await ask(bot, request);
    expect(first.body?.handoff).toBeUndefined();
    // The menu's logic is deterministic, so only a changed text shows the answer is replayed rather than computed again.
    expect(await ask(bot, { ...request, message: { ...request.message, text: '1' } })).toEqual(first);
    expect((await ask(bot, { ...request, message: { ...request.message, text: '1' }, deliveryId: randomUUID() })).body?.handoff).toBeDefined();
  });

  test('a delivery is remembered only once answered: a repeat of one the bot stalled on gets no stand-in answer', async () => {
    const bot = await startBot({ stallAfterTurn: 2 });
    const stalled = botRequest('1', { turn: 2 });
    const raw = JSON.stringify(stalled);
    await expect(post(bot, raw, signedHeaders(raw), AbortSignal.timeout(400))).rejects.toThrow(/abort|timeout/i);
    await expect(post(bot, raw, signedHeaders(raw), AbortSignal.timeout(400))).rejects.toThrow(/abort|timeout/i);
  });

  test('a signed body that is not JSON, or not a bot request, is a 400', async () => {
    const bot = await startBot();
    expect((await post(bot, 'not json')).status).toBe(400);
    expect((await post(bot, JSON.stringify({ version: 2, text: 'hi' }))).status).toBe(400);
  });

  test(`a body over ${MAX_REQUEST_BYTES} bytes is a 413`, async () => {
    const bot = await startBot();
    const raw = JSON.stringify(botRequest('x'.repeat(MAX_REQUEST_BYTES)));
    expect((await post(bot, raw)).status).toBe(413);
  });

  test('another path is a 404 and another method a 405', async () => {
    const bot = await startBot();
    const raw = JSON.stringify(botRequest('hello'));
    expect((await post({ ...bot, url: new URL('/other', bot.url).href }, raw)).status).toBe(404);
    const get = await fetch(bot.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('stalling on purpose (SAMPLE_BOT_STALL_AFTER)', () => {
  test('answers the turns before, never the turn given or later, and still closes', async () => {
    const bot = await startBot({ stallAfterTurn: 2 });
    expect((await ask(bot, botRequest('hello', { turn: 1 }))).status).toBe(200);
    for (const turn of [2, 3]) {
      const raw = JSON.stringify(botRequest('1', { turn }));
      await expect(post(bot, raw, signedHeaders(raw), AbortSignal.timeout(400))).rejects.toThrow(/abort|timeout/i);
    }
  });
});
