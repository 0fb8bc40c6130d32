import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { createClock } from './clock';
import { hasAdministrator, issueSetupLink, SETUP_LINK_HOURS } from './auth/setup-link';
import { deleteExpiredSessions } from './auth/session-store';
import { ConfigError, loadConfig } from './config';
import type { ServerContext } from './context';
import { loadKeyring } from './crypto/key-file';
import { openDatabase } from './db/connect';
import { lockDataDir } from './db/data-dir-lock';
import { whatsappAccounts } from './db/schema';
import { eventBusFor } from './events/postgres-event-bus';
import { createInboundPipeline, inboundWorkerSettings } from './services/inbound-worker';
import { createOutboxWorker } from './services/outbox-worker';
import { createWebhookCredentialsCache } from './services/webhook-credentials';
import { createTwilioGateway } from './twilio/rest-gateway';

/** `npm start`: the real server on the embedded database, or PostgreSQL when DATABASE_URL is set. */
async function main() {
  const config = loadConfig();
  const keys = loadKeyring({ secretKey: config.appSecretKey, previousKey: config.appSecretKeyPrevious, dataDir: config.dataDir });
  const releaseDataDir = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') },
  );
  if (keys.origin === 'key file (created now)' && (await database.db.select({ id: whatsappAccounts.id }).from(whatsappAccounts).limit(1)).length > 0) {
    // A fresh key cannot open tokens sealed before: say so now, not at the first webhook.
    rmSync(keys.keyFile!, { force: true });
    await database.close();
    throw new Error(
      `The database holds encrypted auth tokens, but ${keys.keyFile} was missing. Restore it (or set APP_SECRET_KEY) from your backup; the server did not start and created no new key.`,
    );
  }
  const clock = createClock();
  const base = {
    db: database.db,
    keyring: keys.keyring,
    config,
    now: clock.now,
    twilio: createTwilioGateway({ baseUrl: config.twilioApiBaseUrl }),
    events: await eventBusFor(database, (error) => process.stderr.write(`Live events: the database connection failed (${error instanceof Error ? error.message : String(error)}); reconnecting.\n`)),
    wakeOutbox: () => undefined,
  };
  const context: ServerContext = Object.assign(base, {
    inbound: createInboundPipeline(base, {
      ...inboundWorkerSettings(database.kind),
      // The app (and its logger) is built from this context: the worker logs only once it runs.
      log: { warn: (object, message) => app.log.warn(object, message), error: (object, message) => app.log.error(object, message) },
    }),
    webhookCredentials: createWebhookCredentialsCache(base.db, base.keyring),
  });
  const app = await buildApp(context);
  const outbox = createOutboxWorker(context, { log: app.log });
  context.wakeOutbox = () => outbox.wake();
  // Webhooks a previous run accepted and did not store yet are stored first.
  context.inbound.start();
  await app.listen({ port: config.port, host: config.host });
  outbox.start();

  const say = (line = '') => process.stdout.write(`${line}\n`);
  say();
  say(`  WhatsApp channel admin center is running at ${config.publicUrl}`);
  say(`  Listening on ${config.host}:${config.port}; data: ${database.description}`);
  if (clock.description) say(`  Using a ${clock.description} (for tests only).`);
  if (keys.origin === 'key file (created now)') {
    say(`  A new encryption key for Twilio auth tokens was written to ${keys.keyFile}.`);
    say('  Back it up: without it the stored auth tokens cannot be read.');
  }
  if (/\/\/(localhost|127\.|\[::1\])/.test(config.publicUrl)) {
    say('  Twilio cannot reach localhost: set PUBLIC_URL to the address Twilio should call.');
  }
  if (!(await hasAdministrator(database.db))) {
    const link = await issueSetupLink(database.db, config.publicUrl, new Date());
    say();
    say('  No administrator yet. Open this one-time link to create the first one');
    say(`  (valid for ${SETUP_LINK_HOURS} hours, works once):`);
    say();
    say(`    ${link.url}`);
  }
  say();

  const sweep = setInterval(() => void deleteExpiredSessions(database.db, new Date()).catch(() => undefined), 3_600_000);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    app.log.info(`${signal}: finishing requests in flight, then stopping`);
    clearInterval(sweep);
    await app.close();
    await context.inbound.stop();
    await outbox.stop();
    await context.events.close();
    await database.close();
    releaseDataDir();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`The server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
