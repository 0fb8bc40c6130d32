import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A 256-bit key with a short id derived from it, so a sealed value names the key it needs. */
export interface SecretKey {
  id: string;
  bytes: Buffer;
}

export function secretKey(bytes: Buffer): SecretKey {
  if (bytes.length !== 32) throw new Error('A secret key has exactly 32 bytes.');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 12), bytes };
}

export function generateSecretKey(): SecretKey {
  return secretKey(randomBytes(32));
}

/**
 * The key that seals new values, and the keys that may still open older ones (during a
 * rotation, or when APP_SECRET_KEY_PREVIOUS is set).
 */
export interface Keyring {
  current: SecretKey;
  previous: SecretKey[];
}

const VERSION = 'v1';
const b64 = (buffer: Buffer) => buffer.toString('base64url');

/**
 * AES-256-GCM with a fresh 96-bit nonce per value. The context (the record's id) is bound
 * as additional data: a sealed token copied onto another record does not open there.
 */
export function seal(keyring: Keyring, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.bytes, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, keyring.current.id, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join('.');
}

export class SecretUnavailableError extends Error {
  constructor(reason: string) {
    super(`A stored secret cannot be opened: ${reason}`);
    this.name = 'SecretUnavailableError';
  }
}

export function open(keyring: Keyring, sealed: string, context: string): string {
  const [version, keyId, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined) throw new SecretUnavailableError('unknown format');
  const key = [keyring.current, ...keyring.previous].find((candidate) => candidate.id === keyId);
  if (!key) throw new SecretUnavailableError(`it was sealed with key ${keyId}, which this server does not have`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnavailableError('it does not authenticate with its key');
  }
}

/** Which key sealed a value, for the rotation command. */
export function sealedKeyId(sealed: string): string | undefined {
  return sealed.split('.')[1];
}
