// @vitest-environment node
import { mkdtempSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { KEY_FILE, loadKeyring, parseKey } from './key-file';
import { generateSecretKey, open, seal, SecretUnavailableError } from './secret-box';

const token = '0123456789abcdef0123456789abcdef';

describe('sealing auth tokens', () => {
  test('opens with the same key and context; the sealed text does not contain the token', () => {
    const keyring = { current: generateSecretKey(), previous: [] };
    const sealed = seal(keyring, token, 'account-1');
    expect(sealed).not.toContain(token);
    expect(sealed.startsWith(`v1.${keyring.current.id}.`)).toBe(true);
    expect(open(keyring, sealed, 'account-1')).toBe(token);
  });

  test('two seals of the same token differ (fresh nonce)', () => {
    const keyring = { current: generateSecretKey(), previous: [] };
    expect(seal(keyring, token, 'a')).not.toBe(seal(keyring, token, 'a'));
  });

  test('another record, another key or a flipped byte does not open', () => {
    const keyring = { current: generateSecretKey(), previous: [] };
    const sealed = seal(keyring, token, 'account-1');
    expect(() => open(keyring, sealed, 'account-2')).toThrow(SecretUnavailableError);
    expect(() => open({ current: generateSecretKey(), previous: [] }, sealed, 'account-1')).toThrow(/does not have/);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => open(keyring, parts.join('.'), 'account-1')).toThrow(SecretUnavailableError);
  });

  test('a previous key of the ring still opens what it sealed', () => {
    const old = generateSecretKey();
    const sealed = seal({ current: old, previous: [] }, token, 'x');
    expect(open({ current: generateSecretKey(), previous: [old] }, sealed, 'x')).toBe(token);
  });
});

describe('the key', () => {
  test('is created once in the data directory, readable by its owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const first = loadKeyring({ dataDir: dir });
    expect(first.origin).toBe('key file (created now)');
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const second = loadKeyring({ dataDir: dir });
    expect(second.origin).toBe('key file');
    expect(second.keyring.current.id).toBe(first.keyring.current.id);
  });

  test('a key file others can read stops the start with the fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    writeFileSync(join(dir, KEY_FILE), 'ab'.repeat(32));
    chmodSync(join(dir, KEY_FILE), 0o644);
    expect(() => loadKeyring({ dataDir: dir })).toThrow(/chmod 600/);
  });

  test('APP_SECRET_KEY in hex or base64; anything else is refused with an example', () => {
    const bytes = Buffer.alloc(32, 7);
    expect(parseKey(bytes.toString('hex'), 'APP_SECRET_KEY').bytes).toEqual(bytes);
    expect(parseKey(bytes.toString('base64'), 'APP_SECRET_KEY').bytes).toEqual(bytes);
    expect(() => parseKey('too short', 'APP_SECRET_KEY')).toThrow(/openssl rand -hex 32/);
    expect(loadKeyring({ secretKey: bytes.toString('hex'), dataDir: '/nonexistent' }).origin).toBe('environment');
  });
});
