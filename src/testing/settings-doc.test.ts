import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { botInputSchema } from '@/api/contract/bot';
import { queueCreateInputSchema, queueUpdateInputSchema } from '@/api/contract/queue';
import { routingRulesInputSchema } from '@/api/contract/routing-rule';
import { userCreateInputSchema } from '@/api/contract/user';
import { whatsAppSetupInputSchema } from '@/api/contract/whatsapp-setup';
import { workstreamCreateInputSchema, workstreamUpdateInputSchema } from '@/api/contract/workstream';

/*
 * docs/settings.md says, for every setting the screens offer, where it acts and which test
 * proves it. A field added to the contract without an entry there fails here: a setting
 * nobody can point to the effect of is the "stored and ignored" defect of issue 17.
 */

const root = resolve(import.meta.dirname, '../..');
const doc = readFileSync(resolve(root, 'docs/settings.md'), 'utf8');

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The settable fields of an input schema, as dotted paths (array items and union members share their parent's path). */
function fieldPaths(schema: z.ZodType, prefix: string): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, child]) => {
        const path = `${prefix}.${key}`;
        const below = fieldPaths(child, path);
        return below.length > 0 ? below : [path];
      });
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
      return fieldPaths(def.innerType!, prefix);
    case 'array':
      return fieldPaths(def.element!, prefix);
    case 'pipe':
      return fieldPaths(def.in!, prefix);
    case 'union':
      return [...new Set((def.options ?? []).flatMap((option) => fieldPaths(option, prefix)))];
    default:
      return [];
  }
}

const notSettings = new Set(['version']);
const settings = [
  ...fieldPaths(workstreamCreateInputSchema, 'workstream'),
  ...fieldPaths(workstreamUpdateInputSchema, 'workstream'),
  ...fieldPaths(botInputSchema, 'workstream.bot'),
  ...fieldPaths(whatsAppSetupInputSchema, 'whatsapp'),
  ...fieldPaths(queueCreateInputSchema, 'queue'),
  ...fieldPaths(queueUpdateInputSchema, 'queue'),
  ...fieldPaths(routingRulesInputSchema, 'routingRules'),
  ...fieldPaths(userCreateInputSchema, 'user'),
].filter((path) => !notSettings.has(path.split('.').at(-1)!));

interface Entry {
  key: string;
  tests: string[];
}

/** Table rows whose first cell is a `setting` and whose last cell names test files. */
const entries: Entry[] = doc
  .split('\n')
  .filter((line) => /^\|\s*`[\w.]+`/.test(line))
  .map((line) => {
    const cells = line.split('|').slice(1, -1);
    const key = /`([\w.]+)`/.exec(cells[0]!)![1]!;
    const tests = [...(cells.at(-1) ?? '').matchAll(/`([^`]+\.(?:test\.tsx?|spec\.ts|scenarios\.ts))`/g)].map((m) => m[1]!);
    return { key, tests };
  });

const covers = (entry: Entry, path: string) => path === entry.key || path.startsWith(`${entry.key}.`);

describe('docs/settings.md', () => {
  it('has an entry for every setting of the workstream, WhatsApp setup, queue, routing rule and user screens', () => {
    const missing = [...new Set(settings)].filter((path) => !entries.some((entry) => covers(entry, path)));
    expect(missing, 'settings without an entry in docs/settings.md').toEqual([]);
  });

  it('names, for each entry, test files that exist', () => {
    const unproven = entries.filter((entry) => entry.tests.length === 0).map((entry) => entry.key);
    expect(unproven, 'entries without a test').toEqual([]);
    const absent = entries.flatMap((entry) => entry.tests.filter((file) => !existsSync(resolve(root, file))).map((file) => `${entry.key}: ${file}`));
    expect(absent, 'tests named that do not exist').toEqual([]);
  });

  it('marks no setting as pending: every one acts somewhere', () => {
    const pending = doc
      .split('\n')
      .filter((line) => /^\|\s*`[\w.]+`/.test(line) && /pending/i.test(line.split('|')[3] ?? ''))
      .map((line) => /`([\w.]+)`/.exec(line)![1]);
    expect(pending, 'rows whose "Where it acts" is pending').toEqual([]);
  });

  it('lists the removed settings, none of which the contract still takes', () => {
    const removedSection = doc.split(/^## Removed$/m)[1] ?? '';
    const removed = [...removedSection.matchAll(/^- `([\w.]+)`/gm)].map((m) => m[1]!);
    expect(removed).toEqual(['workstream.advanced.sessionTemplate', 'workstream.advanced.smartAssist']);
    expect(removed.filter((key) => settings.some((path) => path === key || path.startsWith(`${key}.`)))).toEqual([]);
  });

  it('lists no setting the contract does not have', () => {
    const stale = entries.filter((entry) => !settings.some((path) => covers(entry, path))).map((entry) => entry.key);
    expect(stale).toEqual([]);
  });
});
