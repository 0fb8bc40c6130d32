import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSecretKey, secretKey, type Keyring, type SecretKey } from './secret-box';

export const KEY_FILE = 'secret.key';
export const NEXT_KEY_FILE = 'secret.key.next';

/** A key written as 64 hex digits or 44 base64 characters. */
export function parseKey(text: string, source: string): SecretKey {
  const value = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) {
    throw new Error(`${source} must be 32 random bytes, written as 64 hex digits or in base64 (for example: openssl rand -hex 32).`);
  }
  return secretKey(bytes);
}

export function formatKey(key: SecretKey): string {
  return key.bytes.toString('hex');
}

export interface KeySource {
  keyring: Keyring;
  /** Where the current key came from, for the start-up banner. */
  origin: 'environment' | 'key file (created now)' | 'key file';
  keyFile?: string;
}

/**
 * The keyring from APP_SECRET_KEY (and APP_SECRET_KEY_PREVIOUS), or from the key file in
 * the data directory, created with mode 0600 on first start. A key file left behind by
 * an interrupted rotation is kept in the ring so nothing it sealed becomes unreadable.
 */
export function loadKeyring(options: { secretKey?: string; previousKey?: string; dataDir: string }): KeySource {
  const previous = options.previousKey ? [parseKey(options.previousKey, 'APP_SECRET_KEY_PREVIOUS')] : [];
  if (options.secretKey) {
    return { keyring: { current: parseKey(options.secretKey, 'APP_SECRET_KEY'), previous }, origin: 'environment' };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const keyFile = join(options.dataDir, KEY_FILE);
  const nextFile = join(options.dataDir, NEXT_KEY_FILE);
  if (existsSync(nextFile)) {
    assertPrivate(nextFile);
    previous.push(parseKey(readFileSync(nextFile, 'utf8'), nextFile));
  }
  if (existsSync(keyFile)) {
    assertPrivate(keyFile);
    return { keyring: { current: parseKey(readFileSync(keyFile, 'utf8'), keyFile), previous }, origin: 'key file', keyFile };
  }
  const key = generateSecretKey();
  writePrivate(keyFile, formatKey(key));
  return { keyring: { current: key, previous }, origin: 'key file (created now)', keyFile };
}

/** Writes a file only its owner can read; refuses to overwrite one that exists. */
export function writePrivate(path: string, content: string): void {
  writeFileSync(path, `${content}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

export function replaceKeyFile(dataDir: string, next: SecretKey, stamp: string): { backup: string } {
  const keyFile = join(dataDir, KEY_FILE);
  const backup = join(dataDir, `${KEY_FILE}.replaced-${stamp}`);
  renameSync(keyFile, backup);
  writePrivate(keyFile, formatKey(next));
  return { backup };
}

function assertPrivate(path: string): void {
  const mode = statSync(path).mode & 0o077;
  if (mode !== 0) {
    throw new Error(`${path} can be read by other users (mode ${(statSync(path).mode & 0o777).toString(8)}). Run: chmod 600 ${path}`);
  }
}
