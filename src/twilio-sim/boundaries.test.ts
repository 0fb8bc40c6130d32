// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = new URL('..', import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const isTestOnly = (path: string) => /\.test\.tsx?$/.test(path);
const importsOf = (path: string) => [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1]!);

describe('the simulator stays a dev and test tool', () => {
  it('is imported by no production code of the server, the app or the features', () => {
    const offenders = ['server', 'app', 'features']
      .flatMap((folder) => sourceFiles(join(src, folder)))
      .filter((path) => !isTestOnly(path))
      .filter((path) => importsOf(path).some((specifier) => specifier.includes('twilio-sim')))
      .map((path) => relative(src, path));
    expect(offenders).toEqual([]);
  });

  it('imports nothing of the server, only the domain and the contract', () => {
    const offenders = sourceFiles(join(src, 'twilio-sim'))
      .filter((path) => !isTestOnly(path))
      .flatMap((path) =>
        importsOf(path)
          .filter((specifier) =>
            specifier.startsWith('.')
              ? relative(join(src, 'twilio-sim'), join(dirname(path), specifier)).startsWith('..')
              : specifier.startsWith('@/') && !/^@\/(domain|api\/contract)\//.test(specifier),
          )
          .map((specifier) => `${relative(src, path)}: ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });
});
