import { describe, expect, test } from 'vitest';
import { parseBotUrl } from './bot-url';

describe('parseBotUrl', () => {
  test.each([
    ['https://bot.example.com/hook', 'https://bot.example.com/hook'],
    ['  https://bot.example.com  \n', 'https://bot.example.com/'],
    ['HTTPS://Bot.Example.com:8443/a?b=c', 'https://bot.example.com:8443/a?b=c'],
  ])('%j is a secure address, normalized', (raw, url) => {
    expect(parseBotUrl(raw)).toEqual({ ok: true, value: { url, insecure: false } });
  });

  test.each([
    ['http://localhost:4020', 'http://localhost:4020/'],
    ['http://127.0.0.1:4020/', 'http://127.0.0.1:4020/'],
    ['http://[::1]:4020/bot', 'http://[::1]:4020/bot'],
  ])('plain HTTP to this machine (%j) is allowed and flagged insecure', (raw, url) => {
    expect(parseBotUrl(raw)).toEqual({ ok: true, value: { url, insecure: true } });
  });

  test.each(['http://bot.example.com/', 'http://127.0.0.2/', 'http://localhost.example.com/', 'http://10.0.0.5:4020/'])(
    'plain HTTP elsewhere (%j) is refused as not HTTPS',
    (raw) => {
      expect(parseBotUrl(raw)).toEqual({ ok: false, error: 'botUrl.notHttps' });
    },
  );

  test('an empty or blank address is required', () => {
    expect(parseBotUrl('')).toEqual({ ok: false, error: 'botUrl.required' });
    expect(parseBotUrl('   ')).toEqual({ ok: false, error: 'botUrl.required' });
  });

  test.each(['bot.example.com', 'not a url', 'ftp://bot.example.com/', 'javascript:alert(1)'])('%j is not a bot address', (raw) => {
    expect(parseBotUrl(raw)).toEqual({ ok: false, error: 'botUrl.invalid' });
  });

  test('credentials in the address are refused: the shared secret signs instead', () => {
    expect(parseBotUrl('https://user:password@bot.example.com/')).toEqual({ ok: false, error: 'botUrl.credentials' });
    expect(parseBotUrl('http://user@localhost:4020/')).toEqual({ ok: false, error: 'botUrl.credentials' });
  });
});
