import { open, seal, type Keyring, type SecretKey } from './secret-box';

/** A sealed value opened with any key of the ring and sealed again with the next key. */
export function reseal(keyring: Keyring, next: SecretKey, sealed: string, context: string): string {
  const plaintext = open(keyring, sealed, context);
  return seal({ current: next, previous: [] }, plaintext, context);
}
