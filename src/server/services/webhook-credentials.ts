import { eq } from 'drizzle-orm';
import type { Keyring } from '../crypto/secret-box';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import type { Database } from '../db/database';
import { whatsappAccounts, whatsappNumbers } from '../db/schema';

/** What checking a webhook of an account needs: its auth token, opened, and its numbers as Twilio writes them. */
export interface WebhookCredentials {
  authToken: string;
  /** `whatsapp:+…` */
  addresses: ReadonlySet<string>;
}

export type CredentialsLookup = WebhookCredentials | 'unknown' | SecretUnavailableError;

export interface WebhookCredentialsCache {
  /**
   * From memory when read less than `ttlMs` ago, else one database read shared by all who ask
   * meanwhile; `fresh` reads the database itself (a shared read may have started before a change).
   */
  get(accountId: string, options?: { fresh?: boolean }): Promise<CredentialsLookup>;
  /** The account changed here: the next webhook reads it again. */
  forget(accountId: string): void;
}

/**
 * Webhook checks without a database read per request: the opened token and the numbers stay
 * in memory for a short while. A signature or number that does not match what is held is
 * checked again against a fresh read before it is refused, so a token or number changed on
 * another instance is honoured at once; a removed account or number can go on being accepted
 * for at most `ttlMs` on other instances (the inbound worker drops an unknown account's webhooks).
 */
export function createWebhookCredentialsCache(db: Database, keyring: Keyring, ttlMs = 30_000, now = () => Date.now()): WebhookCredentialsCache {
  const held = new Map<string, { lookup: WebhookCredentials; readAt: number }>();
  const reading = new Map<string, Promise<CredentialsLookup>>();

  async function read(accountId: string): Promise<CredentialsLookup> {
    const [account] = await db.select({ sealed: whatsappAccounts.authTokenSealed }).from(whatsappAccounts).where(eq(whatsappAccounts.id, accountId));
    if (!account) {
      held.delete(accountId);
      return 'unknown';
    }
    const numbers = await db.select({ number: whatsappNumbers.number }).from(whatsappNumbers).where(eq(whatsappNumbers.accountId, accountId));
    let authToken: string;
    try {
      authToken = open(keyring, account.sealed, accountId);
    } catch (error) {
      held.delete(accountId);
      if (error instanceof SecretUnavailableError) return error;
      throw error;
    }
    const lookup = { authToken, addresses: new Set(numbers.map((n) => `whatsapp:${n.number}`)) };
    held.set(accountId, { lookup, readAt: now() });
    return lookup;
  }

  return {
    get(accountId, options = {}) {
      const entry = held.get(accountId);
      if (options.fresh) return read(accountId);
      if (entry && now() - entry.readAt < ttlMs) return Promise.resolve(entry.lookup);
      const inFlight = reading.get(accountId);
      if (inFlight) return inFlight;
      const next = read(accountId).finally(() => reading.delete(accountId));
      reading.set(accountId, next);
      return next;
    },
    forget(accountId) {
      held.delete(accountId);
    },
  };
}
