// The real server for Playwright: a fresh data directory per run, and the setup link it
// prints kept in a file, where the e2e reads it as a person reads the console. Beside it
// runs the Twilio simulator (the server's Twilio REST calls go there), and the server's
// clock can be moved by writing milliseconds into test-results/real-server/clock-offset.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const port = process.env.E2E_REAL_PORT ?? '4174';
const simulatorPort = process.env.E2E_TWILIO_SIM_PORT ?? '4175';
// E2E_PREBUILT=1: dist/app is the build of this run (npm test made it), served as it is.
const prebuilt = process.env.E2E_PREBUILT === '1';
if (prebuilt && !existsSync('dist/app/index.html')) throw new Error('E2E_PREBUILT=1 but there is no build in dist/app.');
const root = resolve('test-results/real-server');
rmSync(root, { recursive: true, force: true });
mkdirSync(root, { recursive: true });

const clockFile = join(root, 'clock-offset');
writeFileSync(clockFile, '0');

const simulator = spawn(process.execPath, ['--import', 'tsx', 'src/twilio-sim/main.ts'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, TWILIO_SIM_PORT: simulatorPort },
});

// The server's /readyz is what Playwright waits for: start it once the simulator answers too.
await waitForSimulator(`http://127.0.0.1:${simulatorPort}/_sim/state`);

const serverCommand = prebuilt ? [process.execPath, ['--import', 'tsx', 'src/server/main.ts']] : ['node', ['scripts/start.mjs']];
const server = spawn(...serverCommand, {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    PORT: port,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: join(root, 'data'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    TWILIO_API_BASE_URL: `http://127.0.0.1:${simulatorPort}`,
    TEST_CLOCK_OFFSET_FILE: clockFile,
  },
});
server.stdout.on('data', (chunk) => {
  const text = String(chunk);
  process.stdout.write(text);
  const link = /https?:\/\/\S+\/setup#token=\S+/.exec(text);
  if (link) writeFileSync(join(root, 'setup-link.txt'), link[0]);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    simulator.kill(signal);
    server.kill(signal);
  });
}
server.on('exit', (code) => {
  simulator.kill('SIGTERM');
  process.exit(code ?? 0);
});
simulator.on('exit', (code) => {
  if (code) process.stderr.write(`The Twilio simulator stopped with code ${code}.\n`);
});

async function waitForSimulator(url) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (simulator.exitCode !== null) throw new Error(`The Twilio simulator exited with code ${simulator.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The Twilio simulator did not answer at ${url}.`);
}
