// `npm test`: every check in phases, one production build of each kind shared by the bundle
// budget and both e2e servers, then a table of each phase's wall time and the test summary.
// A failed phase fails the run but the later ones still run where they can, so one run shows
// everything that is wrong.
import { spawn } from 'node:child_process';

/** Runs a command; its output goes straight through, or is kept and printed at the end when it runs beside another. */
function run(command, args, { env = {}, buffered = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    let output = '';
    if (buffered) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
    child.on('exit', (code, signal) => resolve({ ok: code === 0, output: signal ? `${output}(stopped by ${signal})\n` : output }));
  });
}

const phases = [];

/** Runs one phase, timed; `blockedBy` names an earlier failed phase this one cannot run without. */
async function phase(name, command, args, options = {}) {
  if (options.blockedBy) {
    phases.push({ name, status: `not run (${options.blockedBy} failed)`, ms: 0 });
    return false;
  }
  if (!options.buffered) console.log(`\n== ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { ok, output } = await run(command, args, options);
  const ms = Date.now() - started;
  if (options.buffered) process.stdout.write(`\n== ${name}: ${[command, ...args].join(' ')}\n${output}`);
  phases.push({ name, status: ok ? 'passed' : 'FAILED', ms });
  return ok;
}

const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

function printTable(totalMs) {
  const width = Math.max(...phases.map((row) => row.name.length), 'total'.length);
  console.log('\nPhase times (wall clock):');
  for (const row of phases) console.log(`  ${row.name.padEnd(width)}  ${seconds(row.ms).padStart(6)}  ${row.status}`);
  console.log(`  ${'total'.padEnd(width)}  ${seconds(totalMs).padStart(6)}`);
}

const started = Date.now();
const npx = 'npx';

// Two cores: the type checker and the linter side by side.
await Promise.all([
  phase('typecheck', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit'], { buffered: true }),
  phase('lint', npx, ['eslint', '.', '--max-warnings=0'], { buffered: true }),
]);
await phase('audit', 'node', ['scripts/audit-deps.mjs']);

const appBuilt = await phase('build app', npx, ['vite', 'build', '--logLevel', 'warn']);
const demoBuilt = await phase('build demo', npx, ['vite', 'build', '--mode', 'demo', '--logLevel', 'warn']);
await phase('budget', 'node', ['scripts/check-bundle-budget.mjs', '--dist', 'dist/app'], { blockedBy: appBuilt ? null : 'build app' });

await phase('vitest', npx, ['vitest', 'run']);

const missingBuild = !appBuilt ? 'build app' : !demoBuilt ? 'build demo' : null;
await phase('playwright', npx, ['playwright', 'test'], { env: { E2E_PREBUILT: '1' }, blockedBy: missingBuild });

printTable(Date.now() - started);
console.log('');
const summary = await run('node', ['scripts/test-summary.mjs']);
const failed = phases.some((row) => row.status !== 'passed') || !summary.ok;
process.exit(failed ? 1 : 0);
