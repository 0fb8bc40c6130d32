import { createHash, randomBytes } from 'node:crypto';

/** A Twilio-style SID: two letters and 32 lowercase hex digits. */
export function randomSid(prefix: string): string {
  return prefix + randomBytes(16).toString('hex');
}

/** The same SID for the same parts, so seeded resources keep their SIDs across restarts. */
export function stableSid(prefix: string, ...parts: string[]): string {
  return prefix + createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
