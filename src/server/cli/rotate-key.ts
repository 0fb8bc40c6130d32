import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { loadConfig } from '../config';
import { NEXT_KEY_FILE, formatKey, loadKeyring, parseKey, replaceKeyFile, writePrivate } from '../crypto/key-file';
import { generateSecretKey, type Keyring, type SecretKey } from '../crypto/secret-box';
import { openDatabase } from '../db/connect';
import { lockDataDir } from '../db/data-dir-lock';
import type { Database } from '../db/database';
import { reseal } from '../crypto/reseal';
import { whatsappAccounts, workstreams } from '../db/schema';
import { botSecretContext } from '../services/workstream-bot';

/**
 * `npm run rotate-key`: re-encrypts every stored auth token and bot secret with a new key, in one transaction.
 *
 * With the key file (no APP_SECRET_KEY): a new key is written beside the old one first, the
 * tokens are re-encrypted, then the new key takes the old one's place and the old one is kept
 * as a dated backup. With APP_SECRET_KEY: give the new key in NEW_APP_SECRET_KEY; afterwards
 * set APP_SECRET_KEY to it (and APP_SECRET_KEY_PREVIOUS to the old one while instances restart).
 * Stop every server first: a server keeps sealing with the key it started with.
 */
async function main() {
  const config = loadConfig();
  const keys = loadKeyring({ secretKey: config.appSecretKey, previousKey: config.appSecretKeyPrevious, dataDir: config.dataDir });
  const fromEnvironment = keys.origin === 'environment';
  let next: SecretKey;
  if (fromEnvironment) {
    if (!process.env.NEW_APP_SECRET_KEY) {
      throw new Error('APP_SECRET_KEY is set, so give the new key in NEW_APP_SECRET_KEY (for example: NEW_APP_SECRET_KEY=$(openssl rand -hex 32)).');
    }
    next = parseKey(process.env.NEW_APP_SECRET_KEY, 'NEW_APP_SECRET_KEY');
  } else {
    const nextFile = join(config.dataDir, NEXT_KEY_FILE);
    // A rotation that stopped half-way may have sealed tokens with this key already: finish it with the same key.
    if (existsSync(nextFile)) next = parseKey(readFileSync(nextFile, 'utf8'), nextFile);
    else {
      next = generateSecretKey();
      writePrivate(nextFile, formatKey(next));
    }
  }

  const releaseDataDir = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 1 } : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') },
  );
  let count: Rotated;
  try {
    // The next key stays on disk if this fails: the server reads it too, so nothing it sealed is lost.
    count = await rotate(database.db, keys.keyring, next);
  } finally {
    await database.close();
    releaseDataDir();
  }

  if (fromEnvironment) {
    console.log(`Re-encrypted ${count.authTokens} auth token(s) and ${count.botSecrets} bot secret(s) with the new key ${next.id}.`);
    console.log('Now set APP_SECRET_KEY to the new key and restart every instance.');
    console.log('Until all have restarted, also set APP_SECRET_KEY_PREVIOUS to the old key.');
  } else {
    const { backup } = replaceKeyFile(config.dataDir, next, new Date().toISOString().replace(/[:.]/g, '-'));
    rmSync(join(config.dataDir, NEXT_KEY_FILE), { force: true });
    console.log(`Re-encrypted ${count.authTokens} auth token(s) and ${count.botSecrets} bot secret(s) with the new key ${next.id}.`);
    console.log(`The old key is kept in ${backup}; delete it once your backups no longer need it.`);
  }
}

export interface Rotated {
  authTokens: number;
  botSecrets: number;
}

/** Re-encrypts every account's token and every workstream bot's secret with the new key; all or nothing. */
export async function rotate(db: Database, keyring: Keyring, next: SecretKey): Promise<Rotated> {
  return db.transaction(async (tx) => {
    // Locked, so that a secret a running server changes meanwhile is not overwritten with the old one.
    const rows = await tx.select({ id: whatsappAccounts.id, sealed: whatsappAccounts.authTokenSealed }).from(whatsappAccounts).for('update');
    for (const row of rows) {
      await tx.update(whatsappAccounts).set({ authTokenSealed: reseal(keyring, next, row.sealed, row.id) }).where(eq(whatsappAccounts.id, row.id));
    }
    const bots = await tx.select({ id: workstreams.id, sealed: workstreams.botSecretSealed }).from(workstreams).where(isNotNull(workstreams.botSecretSealed)).for('update');
    for (const bot of bots) {
      await tx.update(workstreams).set({ botSecretSealed: reseal(keyring, next, bot.sealed!, botSecretContext(bot.id)) }).where(eq(workstreams.id, bot.id));
    }
    return { authTokens: rows.length, botSecrets: bots.length };
  });
}

if (process.argv[1]?.endsWith('rotate-key.ts')) {
  main().catch((error: unknown) => {
    console.error(`Key rotation failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
