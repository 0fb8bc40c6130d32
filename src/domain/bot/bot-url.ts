import type { Result } from '../result';

export type BotUrlError = 'botUrl.required' | 'botUrl.invalid' | 'botUrl.notHttps' | 'botUrl.credentials';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A bot's address: HTTPS, so the customers' messages and the shared secret's signatures do not
 * travel in the clear. Plain HTTP is let through for this machine only (a bot under development),
 * and flagged as insecure so the screen can warn.
 */
export function parseBotUrl(raw: string): Result<{ url: string; insecure: boolean }, BotUrlError> {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: false, error: 'botUrl.required' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, error: 'botUrl.invalid' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, error: 'botUrl.credentials' };
  if (url.protocol === 'https:') return { ok: true, value: { url: url.toString(), insecure: false } };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, value: { url: url.toString(), insecure: true } };
  return { ok: false, error: url.protocol === 'http:' ? 'botUrl.notHttps' : 'botUrl.invalid' };
}
