import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const VITE = join(process.cwd(), 'node_modules', '.bin', 'vite');
/** Ports given to this bench: others use theirs at the same time. */
const PORTS = { first: 4400, last: 4499 };

/** The static page the wizard's paint is compared with: text of the same kind and amount, no script. */
export const BASELINE_PAGE = 'lcp-baseline.html';
const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baseline</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;margin:2rem}h1{font-size:28px}p{max-width:60ch}</style></head>
<body><main><h1>New messaging account</h1><h2>Channel details</h2>
<p>Name the account as your team knows it. You can change the name later; the numbers and the Twilio credentials come in the next steps.</p>
</main></body></html>
`;

export interface PreviewServer {
  /** The address of the demo, ending in a slash. */
  url: string;
  stop(): Promise<void>;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  for (let port = PORTS.first; port <= PORTS.last; port++) if (await portIsFree(port)) return port;
  throw new Error(`No free port in ${PORTS.first}-${PORTS.last}`);
}

/** Runs a command to its end; its output is kept for the error if it fails. */
function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(VITE, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite ${args[0]} failed (${code}):\n${output.slice(-2000)}`))));
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Ends the server's whole process group (npx-less, but vite may have children), forcefully if it lingers. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const timeout = sleep(3000).then(() => 'timeout');
  if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(-child.pid, 'SIGKILL');
}

/**
 * Builds the demo into a temporary directory, adds the baseline page and serves both with
 * `vite preview`. `stop` ends the server and removes the directory; call it even on failure.
 */
export async function startDemoPreview(log: (line: string) => void): Promise<PreviewServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'ui-bench-'));
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child) await stopProcess(child);
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    log(`  building the demo into ${outDir}`);
    await run(['build', '--mode', 'demo', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']);
    await writeFile(join(outDir, BASELINE_PAGE), BASELINE_HTML);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    child = spawn(VITE, ['preview', '--mode', 'demo', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      stdio: 'ignore',
      detached: true,
    });
    await waitUntilServing(url, child);
    log(`  serving at ${url}`);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
