import fc from 'fast-check';
import { garbageJson, longString, nastyNumber, nastyString } from './bad-input-values';

/*
 * Bodies shaped by the contract's zod schemas: the route's real field names with values of
 * mostly the right kind, so that requests get past the first checks to the code and the
 * database behind them; with `garbage`, any field may hold a value of the wrong kind.
 */

/** A valid-looking value for a field of this name (ids of existing rows, Twilio SIDs…), if there is one. */
export type FieldHints = (key: string) => fc.Arbitrary<unknown> | undefined;

interface ZodDef {
  type: string;
  [key: string]: unknown;
}
interface ZodCheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;
const checksOf = (def: ZodDef): ZodCheckDef[] => ((def.checks as { _zod: { def: ZodCheckDef } }[] | undefined) ?? []).map((check) => check._zod.def);

/** Schemas nest a few levels at most; deeper than this something is recursive and gets garbage. */
const MAX_DEPTH = 8;

function stringArbitrary(def: ZodDef): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const format = (def.format as string | undefined) ?? checks.find((check) => check.check === 'string_format')?.format;
  if (format === 'uuid' || format === 'guid') return fc.uuid();
  if (format === 'datetime') return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((date) => date.toISOString());
  const pattern = (def.pattern as RegExp | undefined) ?? checks.find((check) => check.check === 'string_format')?.pattern;
  // fast-check cannot generate from case-insensitive patterns: their lower-case reading is enough.
  if (pattern instanceof RegExp && format === 'regex') {
    try {
      return fc.oneof({ weight: 3, arbitrary: fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('i', ''))) }, { weight: 1, arbitrary: nastyString });
    } catch {
      // A pattern fast-check cannot generate from (negated classes of \s…): plain strings then.
    }
  }
  const min = Math.max(0, ...checks.filter((check) => check.check === 'min_length').map((check) => check.minimum ?? 0));
  const max = Math.min(Infinity, ...checks.filter((check) => check.check === 'max_length').map((check) => check.maximum ?? Infinity));
  const atMost = Number.isFinite(max) ? max : 5_000;
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(atMost, Math.max(min, 30)) }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.min(min, 10), maxLength: Math.min(atMost, 20) }) },
    // Exactly at the limit, in characters that take two UTF-16 units or several bytes.
    { weight: 1, arbitrary: fc.constantFrom('a', 'ä', '😀', 'ש', ' ').map((unit) => unit.repeat(Math.max(min, Math.floor(atMost / unit.length)))) },
    { weight: 2, arbitrary: nastyString },
  );
}

function numberArbitrary(def: ZodDef): fc.Arbitrary<number> {
  const integer = checksOf(def).some((check) => check.check === 'number_format' && /int/.test(check.format ?? ''));
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: -1, max: 12 }) },
    { weight: 1, arbitrary: integer ? fc.integer() : fc.double({ noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: nastyNumber },
  );
}

/** Whether an object may leave this key out. */
function isOptional(schema: unknown): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

function shaped(schema: unknown, hints: FieldHints, garbage: boolean, key: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > MAX_DEPTH) return garbageJson;
  const inner = (child: unknown, childKey = key) => valueFor(child, hints, garbage, childKey, depth + 1);
  const hinted = key === undefined ? undefined : hints(key);
  if (hinted && ['string', 'number', 'pipe'].includes(def.type)) {
    return fc.oneof({ weight: 3, arbitrary: hinted }, { weight: 1, arbitrary: shaped(def.type === 'pipe' ? def.in : schema, () => undefined, garbage, key, depth) });
  }
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'pipe':
      return inner(def.in);
    case 'array': {
      const max = Math.min(6, ...checksOf(def).filter((check) => check.check === 'max_length').map((check) => (check.maximum ?? 6) + 1));
      return fc.array(inner(def.element), { maxLength: max });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((item) => inner(item)));
    case 'record':
      return fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), nastyString), inner(def.valueType), { maxKeys: 3 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => inner(option)));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const record = fc.record(Object.fromEntries(keys.map((name) => [name, inner(shape[name], name)])), {
        requiredKeys: keys.filter((name) => !isOptional(shape[name])),
      });
      if (!garbage) return record;
      // A key the schema does not know, beside the real ones.
      return fc.oneof({ weight: 5, arbitrary: record }, { weight: 1, arbitrary: fc.tuple(record, nastyString, garbageJson).map(([value, extra, item]) => ({ ...value, [extra]: item })) });
    }
    default:
      return garbageJson;
  }
}

function valueFor(schema: unknown, hints: FieldHints, garbage: boolean, key: string | undefined, depth: number): fc.Arbitrary<unknown> {
  const value = shaped(schema, hints, garbage, key, depth);
  if (!garbage) return value;
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: garbageJson }, { weight: 1, arbitrary: fc.oneof(longString, fc.constant(undefined)) });
}

/** Values that fit the schema's shape: the right keys and kinds, the values anything from ordinary to nasty. */
export function shapedBy(schema: unknown, hints: FieldHints): fc.Arbitrary<unknown> {
  return valueFor(schema, hints, false, undefined, 0);
}

/** The schema's shape with any field swapped for a value of the wrong kind, left out, or joined by unknown keys. */
export function misshapenBy(schema: unknown, hints: FieldHints): fc.Arbitrary<unknown> {
  return valueFor(schema, hints, true, undefined, 0);
}

/** Every object key the schema names, at any depth: the vocabulary of bodies with the right names and wrong values. */
export function fieldNamesOf(schema: unknown, names = new Set<string>(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH || !schema) return names;
  const def = defOf(schema);
  if (def.type === 'object') {
    for (const [name, child] of Object.entries(def.shape as Record<string, unknown>)) {
      names.add(name);
      fieldNamesOf(child, names, depth + 1);
    }
  }
  for (const child of [def.innerType, def.in, def.element, def.valueType]) if (child) fieldNamesOf(child, names, depth + 1);
  for (const child of [...((def.options as unknown[] | undefined) ?? []), ...((def.items as unknown[] | undefined) ?? [])]) fieldNamesOf(child, names, depth + 1);
  return names;
}
