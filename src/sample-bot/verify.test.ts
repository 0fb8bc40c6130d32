// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { BOT_SIGNATURE_TOLERANCE_SECONDS } from '@/domain/bot/bot-protocol';
import { expectedSignature, verifySignature } from './verify';

const secret = 'sample-bot-secret-0001';
const timestamp = '1767225600';
const rawBody = Buffer.from('{"hello":"world"}');
/** Computed with openssl, as docs/bot-api.md shows: printf '%s' "$ts.$body" | openssl dgst -sha256 -hmac "$secret". */
const OPENSSL_SIGNATURE = 'sha256=04a351e8abe49eb8d988425f9a2d365ed8c1caec2a044cc2f46171741976bffa';
const now = Number(timestamp);

const delivery = (overrides: Partial<{ timestampHeader: string | undefined; signatureHeader: string | undefined; rawBody: Buffer }> = {}) => ({
  timestampHeader: timestamp,
  signatureHeader: OPENSSL_SIGNATURE,
  rawBody,
  ...overrides,
});

describe('expectedSignature', () => {
  test('is "sha256=" and the hex HMAC-SHA256 of "<timestamp>.<raw body>", as openssl computes it', () => {
    expect(expectedSignature(secret, timestamp, rawBody)).toBe(OPENSSL_SIGNATURE);
  });
});

describe('verifySignature', () => {
  test('accepts the signature of this body and timestamp, also written in capitals', () => {
    expect(verifySignature(secret, delivery(), now)).toBe('valid');
    expect(verifySignature(secret, delivery({ signatureHeader: OPENSSL_SIGNATURE.toUpperCase().replace('SHA256=', 'sha256=') }), now)).toBe('valid');
  });

  test('refuses another secret, a changed body, or a signature of another timestamp', () => {
    expect(verifySignature('another-secret-of-length', delivery(), now)).toBe('mismatch');
    expect(verifySignature(secret, delivery({ rawBody: Buffer.from('{"hello":"World"}') }), now)).toBe('mismatch');
    expect(verifySignature(secret, delivery({ timestampHeader: String(now + 1) }), now)).toBe('mismatch');
    expect(verifySignature(secret, delivery({ signatureHeader: OPENSSL_SIGNATURE.slice(0, -2) }), now)).toBe('mismatch');
    expect(verifySignature(secret, delivery({ signatureHeader: OPENSSL_SIGNATURE.replace('sha256=', '') }), now)).toBe('mismatch');
  });

  test('refuses a request without either header', () => {
    expect(verifySignature(secret, delivery({ timestampHeader: undefined }), now)).toBe('missing');
    expect(verifySignature(secret, delivery({ signatureHeader: '' }), now)).toBe('missing');
  });

  test(`accepts a timestamp up to ${BOT_SIGNATURE_TOLERANCE_SECONDS} s away from the clock, either way, and refuses one further`, () => {
    expect(verifySignature(secret, delivery(), now + BOT_SIGNATURE_TOLERANCE_SECONDS)).toBe('valid');
    expect(verifySignature(secret, delivery(), now - BOT_SIGNATURE_TOLERANCE_SECONDS)).toBe('valid');
    expect(verifySignature(secret, delivery(), now + BOT_SIGNATURE_TOLERANCE_SECONDS + 1)).toBe('staleTimestamp');
    expect(verifySignature(secret, delivery(), now - BOT_SIGNATURE_TOLERANCE_SECONDS - 1)).toBe('staleTimestamp');
  });

  test('refuses a timestamp that is not whole seconds', () => {
    expect(verifySignature(secret, delivery({ timestampHeader: `${timestamp}000.5` }), now)).toBe('staleTimestamp');
    expect(verifySignature(secret, delivery({ timestampHeader: 'yesterday' }), now)).toBe('staleTimestamp');
  });
});
