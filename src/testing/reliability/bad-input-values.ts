import fc from 'fast-check';

/*
 * Values a careless or hostile client sends: the building blocks of the bad-input test's
 * bodies, query strings, path segments and headers.
 */

/** `bytes` random bytes in hex: the digits of Twilio SIDs and auth tokens. */
export const hex = (bytes: number) => fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((array) => Buffer.from(array).toString('hex'));

/** A Finnish mobile number, E.164. */
export const e164 = fc.integer({ min: 10_000_000, max: 9_999_999_999 }).map((n) => `+358${n}`);

/** Strings that broke servers before: NUL, lone surrogates, direction marks, injections, lookalikes of numbers. */
export const NOTORIOUS_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '😀👍🏽👨‍👩‍👧‍👦',
  '\u202eoll\u0435h',
  'שלום עולם',
  'مرحبا',
  '\u200b\u200d\ufeff',
  '\u0007\u0008\u001b[31m',
  '\r\n\r\n',
  '\t',
  '%00',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '"; drop table users; --',
  '${jndi:ldap://x}',
  '{{1}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'whatsapp:+15551234567',
] as const;

const CONTROL_CHARACTERS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).concat('\u007f', '\u0085', '\u2028', '\u2029');

/** A single character that is trouble somewhere. */
const troubleCharacter = fc.constantFrom('\u0000', '\ud800', '\udfff', '😀', 'ש', '\u202e', '\u0301', '"', '\\', '/', '%', 'ä');

/** Text that is very long; lengths around the limits the API has (100, 1600, 1 MiB bodies). */
export const longString = fc
  .tuple(fc.constantFrom('a', '😀', 'ש', '\u0000', ' ', 'x\ud800'), fc.constantFrom(101, 256, 1601, 5_000, 70_000))
  .map(([unit, length]) => unit.repeat(length));

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NOTORIOUS_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL_CHARACTERS), maxLength: 10 }) },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), troubleCharacter, fc.string({ maxLength: 10 })).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: longString },
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Nesting: validators and loggers that recurse. */
const nested = fc
  .tuple(fc.constantFrom(10, 100, 500), fc.boolean())
  .map(([depth, asObjects]) => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = asObjects ? { a: value } : [value];
    return value;
  });

/** JSON text nested deeper than any recursion can follow (built as text: the test's own JSON.stringify would overflow). */
export const deeplyNestedJson = fc
  .tuple(fc.constantFrom(1_000, 10_000, 200_000), fc.boolean())
  .map(([depth, asObjects]) => (asObjects ? `${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`));

const hugeArray = fc.tuple(fc.constantFrom(1_000, 20_000, 100_000), fc.constantFrom<unknown>(0, 'x', null, {})).map(([length, item]) => new Array<unknown>(length).fill(item));

/** Any JSON value, with nasty strings and numbers, sometimes enormous. */
export const garbageJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 2, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: hugeArray },
);

/** Bodies that are not JSON at all, or JSON broken off. */
export const notJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '[', '{"a":', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '\u0000', '\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '[]]', '<xml/>', 'a=1&b=2', '---\n'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => {
    const text = JSON.stringify(value);
    return text.slice(0, Math.max(0, text.length - 1));
  }),
);

/** Content types a body may claim; undefined sends none. */
export const contentTypeHeader: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/json ;;; foo=bar',
  'application/problem+json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'text/plain',
  'text/xml',
  'application/octet-stream',
  'image/png',
  '*/*',
  ';',
  '',
  undefined,
);

/** A value a header can carry on the wire: visible ASCII, tabs, and the bytes 0x80-0xff as Node reads them (latin1). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
  fc.constantFrom('', ' ', '\t', 'null', '-1', 'gzip', 'bytes=0-0', '*', 'x'.repeat(8_000)),
);

/** Headers that have nothing to do with the request, or say odd things about it. */
export const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom(
    'accept',
    'accept-encoding',
    'accept-language',
    'x-request-id',
    'x-forwarded-for',
    'x-forwarded-proto',
    'x-forwarded-host',
    'if-none-match',
    'if-modified-since',
    'range',
    'content-encoding',
    'x-filename',
    'x-http-method-override',
    'x-twilio-signature',
    'authorization',
  ),
  headerValue,
  { maxKeys: 3 },
);

/** One path segment, as it appears in the URL (already escaped where it is meant to be): mostly an id of the right kind. */
export function pathSegment(rightKind: readonly string[], anyKind: readonly string[]): fc.Arbitrary<string> {
  const escaped = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      // A lone surrogate cannot be escaped: it goes as it is.
      return text;
    }
  };
  return fc.oneof(
    { weight: 6, arbitrary: rightKind.length > 0 ? fc.constantFrom(...rightKind) : fc.uuid() },
    { weight: 1, arbitrary: rightKind.length > 0 ? fc.constantFrom(...rightKind).map((id) => id.toUpperCase()) : fc.uuid() },
    { weight: 1, arbitrary: anyKind.length > 0 ? fc.constantFrom(...anyKind) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid({ version: [1, 4, 5, 7] }) },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff') },
    {
      weight: 2,
      arbitrary: fc.constantFrom('%00', '..', '.', '%2e%2e', '%2F', '..%2F..%2F', '%', '%zz', '%ED%A0%80', '%E2%80%AE', '%C0%AF', '-1', '0', '1e309', 'null', '%20', '~', '%3F', '%23'),
    },
    { weight: 3, arbitrary: nastyString.map(escaped) },
    { weight: 1, arbitrary: fc.constantFrom(101, 1_000, 5_000).map((length) => 'a'.repeat(length)) },
  );
}

/** A query string as a client may write it: repeated keys, brackets, numbers out of range, broken escapes. */
export function queryString(knownKeys: readonly string[]): fc.Arbitrary<string> {
  const keys = fc.oneof(
    { weight: 3, arbitrary: knownKeys.length > 0 ? fc.constantFrom(...knownKeys) : fc.constantFrom('limit') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'a[]', 'a[b]', 'limit[]', '', '%00', 'x'.repeat(500)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((text) => encodeURIComponent(text)) },
  );
  const values = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('', '0', '-1', '1', '50', '200', '201', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '-0', '0x10', '9007199254740993', 'true', 'false', 'open', 'closed', 'null', '[]', '{}') },
    { weight: 2, arbitrary: fc.constantFrom('%00', '%', '%zz', '%ED%A0%80', '%FF', '+', '%2B', 'a%26b%3Dc', 'x'.repeat(5_000)) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: nastyString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))) },
  );
  const pair = fc.tuple(keys, values, fc.boolean()).map(([key, value, withEquals]) => (withEquals ? `${key}=${value}` : key));
  return fc.tuple(fc.array(pair, { maxLength: 6 }), fc.constantFrom('&', '&&', ';')).map(([pairs, separator]) => pairs.join(separator));
}
