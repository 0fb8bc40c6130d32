import { join } from 'node:path';
import { createClock } from './clock';
import { ConfigError, loadConfig, type ServerConfig } from './config';
import { createServer, type Server } from './create-server';
import { loadKeyring } from './crypto/key-file';
import { printStartBanner } from './start-banner';

/** `npm start`: the real server on the embedded database, or PostgreSQL when DATABASE_URL is set. */
async function main() {
  const config = loadConfig();
  const keys = loadKeyring({ secretKey: config.appSecretKey, previousKey: config.appSecretKeyPrevious, dataDir: config.dataDir });
  const clock = createClock();
  const server = await createServer({
    config,
    keys,
    database: config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') },
    lockDataDir: config.databaseUrl ? undefined : config.dataDir,
    now: clock.now,
    onLiveEventsError: (error) => process.stderr.write(`Live events: the database connection failed (${error instanceof Error ? error.message : String(error)}); reconnecting.\n`),
  });
  await listenWithoutFastifysLine(server, config);
  await printStartBanner(server, config, keys, clock.description);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      server.app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    server.app.log.info(`${signal}: finishing requests in flight, then stopping`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** The banner says where the server listens; Fastify's JSON "Server listening" line would only push it up. */
async function listenWithoutFastifysLine(server: Server, config: ServerConfig) {
  const level = server.app.log.level;
  if (['trace', 'debug', 'info'].includes(level)) server.app.log.level = 'warn';
  try {
    await server.app.listen({ port: config.port, host: config.host });
  } finally {
    server.app.log.level = level;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`The server could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
