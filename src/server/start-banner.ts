import { hasAdministrator, issueSetupLink, SETUP_LINK_HOURS } from './auth/setup-link';
import type { ServerConfig } from './config';
import type { KeySource } from './crypto/key-file';
import type { Server } from './create-server';

/** What `npm start` tells the person who started it: where it runs, a new key, the first setup link. */
export async function printStartBanner(server: Server, config: ServerConfig, keys: KeySource, clockDescription: string | null) {
  const say = (line = '') => process.stdout.write(`${line}\n`);
  say();
  say(`  WhatsApp channel admin center is running at ${config.publicUrl}`);
  say(`  Listening on ${config.host}:${config.port}; data: ${server.database.description}`);
  if (clockDescription) say(`  Using a ${clockDescription} (for tests only).`);
  if (keys.origin === 'key file (created now)') {
    say(`  A new encryption key for Twilio auth tokens was written to ${keys.keyFile}.`);
    say('  Back it up: without it the stored auth tokens cannot be read.');
  }
  if (/\/\/(localhost|127\.|\[::1\])/.test(config.publicUrl)) {
    say('  Twilio cannot reach localhost: set PUBLIC_URL to the address Twilio should call.');
  }
  if (!(await hasAdministrator(server.database.db))) {
    const link = await issueSetupLink(server.database.db, config.publicUrl, new Date());
    say();
    say('  No administrator yet. Open this one-time link to create the first one');
    say(`  (valid for ${SETUP_LINK_HOURS} hours, works once):`);
    say();
    say(`    ${link.url}`);
  }
  say();
}
