import { createHmac, timingSafeEqual } from 'node:crypto';
import { BOT_SIGNATURE_TOLERANCE_SECONDS } from '@/domain/bot/bot-protocol';

/**
 * The bot's side of the signature (docs/bot-api.md), written from the documentation alone and
 * not shared with the admin center's signer, as a third party would write it: if the two ever
 * disagree, the sample bot's tests and the e2e catch it.
 */
export type SignatureCheck = 'valid' | 'missing' | 'staleTimestamp' | 'mismatch';

export interface SignedDelivery {
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  rawBody: Buffer;
}

const SIGNATURE_PREFIX = 'sha256=';

export function expectedSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return SIGNATURE_PREFIX + mac.digest('hex');
}

export function verifySignature(secret: string, delivery: SignedDelivery, nowSeconds = Math.floor(Date.now() / 1000)): SignatureCheck {
  const { timestampHeader, signatureHeader } = delivery;
  if (!timestampHeader || !signatureHeader) return 'missing';
  if (!/^\d{1,12}$/.test(timestampHeader)) return 'staleTimestamp';
  if (Math.abs(nowSeconds - Number(timestampHeader)) > BOT_SIGNATURE_TOLERANCE_SECONDS) return 'staleTimestamp';
  const expected = Buffer.from(expectedSignature(secret, timestampHeader, delivery.rawBody));
  const given = Buffer.from(signatureHeader.trim().toLowerCase());
  // timingSafeEqual needs equal lengths; a length difference tells an attacker nothing secret.
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'mismatch';
}
