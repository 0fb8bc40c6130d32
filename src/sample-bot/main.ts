import { MIN_BOT_SECRET_LENGTH } from '@/api/contract/bot';
import { startSampleBot } from './server';

/*
 * npm run sample-bot: the menu bot of docs/bot-api.md on this machine. Its default port is
 * not the Twilio simulator's (4010): the two run side by side.
 */
const DEFAULT_PORT = 4020;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function portFrom(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('SAMPLE_BOT_PORT is a port number (0 to 65535).');
  return port;
}

function stallAfterFrom(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const turn = Number(value);
  if (!Number.isInteger(turn) || turn < 1) fail('SAMPLE_BOT_STALL_AFTER is a turn number from 1: from that turn on the bot never answers.');
  return turn;
}

const env = process.env;
const secret = env.BOT_SECRET?.trim() ?? '';
if (secret.length < MIN_BOT_SECRET_LENGTH) {
  fail(
    `Set BOT_SECRET to the shared secret of the workstream's bot, at least ${MIN_BOT_SECRET_LENGTH} characters. To make one:\n` +
      '  export BOT_SECRET=$(openssl rand -hex 24); echo "$BOT_SECRET"',
  );
}

const stallAfterTurn = stallAfterFrom(env.SAMPLE_BOT_STALL_AFTER);
const bot = await startSampleBot({
  secret,
  port: portFrom(env.SAMPLE_BOT_PORT),
  host: env.SAMPLE_BOT_HOST || '127.0.0.1',
  stallAfterTurn,
  log: (line) => console.log(`${new Date().toISOString()} ${line}`),
}).catch((error: unknown) => fail(`The sample bot could not start: ${error instanceof Error ? error.message : String(error)}`));

console.log(
  `Sample bot listening on ${bot.url}: paste this URL and the same BOT_SECRET into the bot of a workstream (on the workstream's edit page)` +
    (stallAfterTurn === null ? '.' : `; it stops answering from turn ${stallAfterTurn}.`),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void bot.close().then(() => process.exit(0));
  });
}
