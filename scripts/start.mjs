// `npm start`: builds the app once (or when the sources are newer than the build), then runs the server.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/app/index.html';

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The app's sources: everything under src/ but the server's own code. */
function newestAppSource() {
  let newest = Math.max(statSync('index.html').mtimeMs, statSync('vite.config.ts').mtimeMs);
  for (const entry of readdirSync('src', { withFileTypes: true })) {
    if (entry.name === 'server') continue;
    const path = join('src', entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () => newestAppSource() > statSync(built).mtimeMs;

if (!existsSync(built) || sourcesChanged()) {
  console.log('Building the app (once; again only when the sources change)...');
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Node with tsx's loader, no wrapper in between: Ctrl+C reaches the server once, from the terminal.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { stdio: 'inherit' });
// Ctrl+C goes to the whole process group already; a SIGTERM (systemd, docker, kill) is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 0)));
