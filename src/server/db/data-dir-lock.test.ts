// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { LOCK_FILE, lockDataDir } from './data-dir-lock';

test('one process at a time; a second is told who holds the directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
  expect(() => lockDataDir(dir)).toThrow(`Another process (pid ${process.ppid})`);
});

test('a lock left by a process that has gone is taken over, and released on stop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lock-'));
  const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']);
  writeFileSync(join(dir, LOCK_FILE), String(gone.stdout).trim());
  const release = lockDataDir(dir);
  expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  release();
  expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
});
