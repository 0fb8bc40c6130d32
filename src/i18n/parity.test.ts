import { describe, expect, test } from 'vitest';
import { validationMessages } from '@/domain/validation-messages';
import { en } from './en';
import { fi } from './fi';

/*
 * The parity check of the translations: every English message has a Finnish one and
 * the other way round, none is empty, both use the same {{variables}}, and plurals
 * have every form each language needs. The helpers are tested on small pairs below,
 * so a passing check means the resources agree, not that the check is blind.
 */

type Tree = { readonly [key: string]: unknown };

interface ParityProblem {
  kind: 'missing' | 'empty' | 'notText' | 'variables' | 'plural';
  /** Dotted key; for plurals, the key without its suffix. */
  key: string;
  /** The language that lacks something (or both, joined with "/"). */
  language: string;
  detail?: string;
}

const PLURAL_SUFFIX = /^(.*)_(zero|one|two|few|many|other)$/;

/** Flattens nested messages into dotted keys; anything but text or a nested object is reported. */
function flatten(tree: Tree, language: string, problems: ParityProblem[], prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(path, value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value as Tree, language, problems, path)) flat.set(k, v);
    } else problems.push({ kind: 'notText', key: path, language, detail: `is ${Array.isArray(value) ? 'an array' : typeof value}` });
  }
  return flat;
}

/** The names used in {{name}} placeholders, ignoring formats such as {{count, number}}. */
function variablesOf(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].sort();
}

interface Grouped {
  /** Keys that are not plural forms, with their text. */
  plain: Map<string, string>;
  /** Plural base key → (category → text). */
  plurals: Map<string, Map<string, string>>;
}

function group(flat: Map<string, string>): Grouped {
  const plain = new Map<string, string>();
  const plurals = new Map<string, Map<string, string>>();
  for (const [key, text] of flat) {
    const match = PLURAL_SUFFIX.exec(key);
    if (match) {
      const [, base = '', category = ''] = match;
      const forms = plurals.get(base) ?? new Map<string, string>();
      forms.set(category, text);
      plurals.set(base, forms);
    } else plain.set(key, text);
  }
  return { plain, plurals };
}

/** Compares the messages of two languages; an empty list means they agree. */
function compareMessages(resources: Record<string, Tree>): ParityProblem[] {
  const problems: ParityProblem[] = [];
  const languages = Object.keys(resources);
  const grouped = new Map(
    languages.map((language) => [language, group(flatten(resources[language] ?? {}, language, problems))] as const),
  );
  const all = [...grouped.values()];
  const plainKeys = new Set(all.flatMap((g) => [...g.plain.keys()]));
  const pluralKeys = new Set(all.flatMap((g) => [...g.plurals.keys()]));

  for (const key of plainKeys) {
    const variables = new Map<string, string>();
    for (const [language, { plain, plurals }] of grouped) {
      const text = plain.get(key);
      if (text === undefined) {
        const detail = plurals.has(key) ? 'has plural forms instead' : undefined;
        problems.push({ kind: 'missing', key, language, ...(detail ? { detail } : {}) });
        continue;
      }
      if (text.trim() === '') problems.push({ kind: 'empty', key, language });
      variables.set(language, variablesOf(text).join(', '));
    }
    if (new Set(variables.values()).size > 1) {
      problems.push({ kind: 'variables', key, language: [...variables.keys()].join('/'), detail: describeVariables(variables) });
    }
  }

  for (const key of pluralKeys) {
    const variables = new Map<string, string>();
    for (const [language, { plain, plurals }] of grouped) {
      const forms = plurals.get(key);
      if (!forms) {
        problems.push({ kind: 'missing', key, language, detail: plain.has(key) ? 'has a plain text instead' : 'no plural forms' });
        continue;
      }
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const missing = needed.filter((category) => !forms.has(category));
      if (missing.length > 0) {
        problems.push({ kind: 'plural', key, language, detail: `missing ${missing.map((c) => `${key}_${c}`).join(', ')}` });
      }
      for (const [category, text] of forms) {
        if (text.trim() === '') problems.push({ kind: 'empty', key: `${key}_${category}`, language });
      }
      // A form may leave {{count}} out ("one number"), so compare what the forms use together.
      variables.set(language, variablesOf([...forms.values()].join(' ')).join(', '));
    }
    if (new Set(variables.values()).size > 1) {
      problems.push({ kind: 'variables', key, language: [...variables.keys()].join('/'), detail: describeVariables(variables) });
    }
  }
  return problems;
}

function describeVariables(variables: Map<string, string>) {
  return [...variables].map(([language, names]) => `${language}: {${names}}`).join(' vs ');
}

/** One line per problem, so a failing test lists every missing key at once. */
function report(problems: ParityProblem[]): string {
  return problems.map((p) => `${p.kind} ${p.language} ${p.key}${p.detail ? ` (${p.detail})` : ''}`).join('\n');
}

describe('English and Finnish messages', () => {
  test('have the same keys, no empty texts, the same {{variables}} and complete plurals', () => {
    expect(report(compareMessages({ en, fi }))).toBe('');
  });

  test('translate every validation code into Finnish', () => {
    const missing = Object.keys(validationMessages).filter((code) => {
      const text = (fi.validation as Record<string, string | undefined>)[code];
      return text === undefined || text.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  test('Finnish validation messages are translations, not English copied over', () => {
    const copied = Object.entries(validationMessages)
      .filter(([code, english]) => (fi.validation as Record<string, string>)[code] === english)
      .map(([code]) => code);
    expect(copied).toEqual([]);
  });
});

/**
 * Texts that are the same in both languages on purpose: brand names and patterns made only of
 * {{variables}} and punctuation. Anything else equal to its English is English left in Finnish.
 */
const SAME_IN_BOTH = new Set(['accounts.channelWhatsApp', 'workstreams.columns.whatsapp', 'workstreams.fields.channelWhatsApp', 'whatsAppSetup.overview.heading']);
const ONLY_VARIABLES = /^[\s\p{P}\p{S}]*(\{\{[^}]+\}\}[\s\p{P}\p{S}]*)*$/u;

describe('Finnish screens', () => {
  test('have no English left in them: no Finnish text equals its English one', () => {
    const english = flatten(en as Tree, 'en', []);
    const finnish = flatten(fi as Tree, 'fi', []);
    const copied = [...english]
      .filter(([key, text]) => finnish.get(key) === text && !SAME_IN_BOTH.has(key) && !ONLY_VARIABLES.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(copied).toEqual([]);
  });

  test('use the original product’s names for message templates and behaviors', () => {
    expect(fi.templates.title).toBe('Viestimallit');
    expect(fi.whatsAppSetup.steps.behaviors).toBe('Toimintatavat');
    const finnish = [...flatten(fi as Tree, 'fi', []).values()].join('\n');
    expect(finnish).not.toMatch(/viestipohj|(^|[^a-zäö])pohj/i);
  });

  test('call agents asiakaspalvelija, as the original product does, never agentti', () => {
    expect(fi.users.roles.agent).toBe('Asiakaspalvelija');
    expect(fi.auth.roles.agent).toBe('Asiakaspalvelija');
    // {{agent}} is a variable name, not Finnish text.
    const withAgentStem = [...flatten(fi as Tree, 'fi', [])]
      .filter(([, text]) => /agent/i.test(text.replace(/\{\{[^}]*\}\}/g, '')))
      .map(([key, text]) => `${key}: ${text}`);
    expect(withAgentStem).toEqual([]);
  });

  test('name the callback URLs with one text each, where the wizard, the account page and the sandbox show them', () => {
    expect(Object.keys(en.sandbox.webhook)).not.toEqual(expect.arrayContaining(['inbound']));
    for (const messages of [en, fi]) {
      expect(messages.sandbox.webhook.body).toContain('WHEN A MESSAGE COMES IN');
      expect(messages.sandbox.webhook.body).toContain('STATUS CALLBACK URL');
      expect(messages.callback.inboundHelp).toContain('WHEN A MESSAGE COMES IN');
      expect(messages.callback.statusHelp).toContain('STATUS CALLBACK URL');
    }
  });
});

describe('the parity check itself', () => {
  test('finds nothing wrong with languages that agree', () => {
    const a = { title: 'Hello {{name}}', nested: { items_one: 'One item', items_other: '{{count}} items' } };
    const b = { title: 'Hei {{name}}', nested: { items_one: 'Yksi kohde', items_other: '{{count}} kohdetta' } };
    expect(compareMessages({ en: a, fi: b })).toEqual([]);
  });

  test('lists keys missing from either language, with the language that lacks them', () => {
    const problems = compareMessages({
      en: { a: 'A', b: { c: 'C', d: 'D' } },
      fi: { a: 'A', b: { c: 'C' }, extra: 'Ylimääräinen' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'missing', key: 'b.d', language: 'fi' },
        { kind: 'missing', key: 'extra', language: 'en' },
      ]),
    );
    expect(problems).toHaveLength(2);
    expect(report(problems)).toBe('missing fi b.d\nmissing en extra');
  });

  test('reports a key that is text in one language and nested in the other', () => {
    const problems = compareMessages({ en: { a: { b: 'B' } }, fi: { a: 'A' } });
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'missing', key: 'a.b', language: 'fi' },
        { kind: 'missing', key: 'a', language: 'en' },
      ]),
    );
  });

  test('reports empty and blank texts', () => {
    const problems = compareMessages({ en: { a: '', b: 'B' }, fi: { a: 'A', b: '  ' } });
    expect(problems).toEqual([
      { kind: 'empty', key: 'a', language: 'en' },
      { kind: 'empty', key: 'b', language: 'fi' },
    ]);
  });

  test('reports values that are not text', () => {
    const problems = compareMessages({ en: { a: 'A', b: 3 }, fi: { a: 'A', b: ['x'] } });
    expect(problems.filter((p) => p.kind === 'notText').map((p) => `${p.language} ${p.key}`)).toEqual(['en b', 'fi b']);
  });

  test('reports {{variables}} that differ between languages, a renamed one as well as a missing one', () => {
    const problems = compareMessages({
      en: { renamed: 'Edit {{name}}', dropped: '{{count}} of {{total}}', same: 'Step {{current, number}}' },
      fi: { renamed: 'Muokkaa {{nimi}}', dropped: '{{count}}', same: 'Vaihe {{ current }}' },
    });
    expect(problems).toEqual([
      { kind: 'variables', key: 'renamed', language: 'en/fi', detail: 'en: {name} vs fi: {nimi}' },
      { kind: 'variables', key: 'dropped', language: 'en/fi', detail: 'en: {count, total} vs fi: {count}' },
    ]);
  });

  test('reports a plural missing altogether', () => {
    const problems = compareMessages({ en: { items_one: 'One item', items_other: '{{count}} items' }, fi: {} });
    expect(problems).toEqual([{ kind: 'missing', key: 'items', language: 'fi', detail: 'no plural forms' }]);
  });

  test('reports plural keys lacking a form the language needs', () => {
    const problems = compareMessages({
      en: { items_one: 'One item', items_other: '{{count}} items' },
      fi: { items_other: '{{count}} kohdetta' },
    });
    expect(problems).toEqual([{ kind: 'plural', key: 'items', language: 'fi', detail: 'missing items_one' }]);
  });

  test('reports a plural in one language that is a plain text in the other', () => {
    const problems = compareMessages({
      en: { items_one: 'One item', items_other: '{{count}} items' },
      fi: { items: '{{count}} kohdetta' },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'missing', key: 'items', language: 'en', detail: 'has plural forms instead' },
        { kind: 'missing', key: 'items', language: 'fi', detail: 'has a plain text instead' },
      ]),
    );
  });

  test('lets a singular form leave {{count}} out, but not every form of a language', () => {
    const fine = compareMessages({
      en: { items_one: 'One item', items_other: '{{count}} items' },
      fi: { items_one: '{{count}} kohde', items_other: '{{count}} kohdetta' },
    });
    expect(fine).toEqual([]);
    const countless = compareMessages({
      en: { items_one: 'One item', items_other: '{{count}} items' },
      fi: { items_one: 'Kohde', items_other: 'Kohteita' },
    });
    expect(countless).toEqual([{ kind: 'variables', key: 'items', language: 'en/fi', detail: 'en: {count} vs fi: {}' }]);
  });

  test('reports empty plural forms', () => {
    const problems = compareMessages({
      en: { items_one: 'One item', items_other: '{{count}} items' },
      fi: { items_one: '', items_other: '{{count}} kohdetta' },
    });
    expect(problems).toEqual([{ kind: 'empty', key: 'items_one', language: 'fi' }]);
  });
});
