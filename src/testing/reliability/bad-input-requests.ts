import fc from 'fast-check';
import { z } from 'zod';
import { sandboxJoinCodeInputSchema } from '@/api/contract/account-tools';
import { auditQuerySchema } from '@/api/contract/audit-event';
import { conversationActionInputSchema, conversationQuerySchema, sendMessageInputSchema } from '@/api/contract/conversation';
import { templateCreateInputSchema, templateUpdateInputSchema } from '@/api/contract/message-template';
import { queueCreateInputSchema, queueUpdateInputSchema } from '@/api/contract/queue';
import { routingRulesInputSchema } from '@/api/contract/routing-rule';
import { passwordChangeInputSchema, setupInputSchema, signInInputSchema } from '@/api/contract/session';
import { userCreateInputSchema, userUpdateInputSchema } from '@/api/contract/user';
import { accountCreateInputSchema, accountUpdateInputSchema } from '@/api/contract/whatsapp-account';
import { numberCreateInputSchema, numberUpdateInputSchema } from '@/api/contract/whatsapp-number';
import { whatsAppSetupInputSchema } from '@/api/contract/whatsapp-setup';
import { workstreamCreateInputSchema, workstreamUpdateInputSchema } from '@/api/contract/workstream';
import { acceptedMediaTypes } from '@/domain/media-rules';
import { API_BODY_LIMIT } from '../../server/app';
import type { RouteEntry } from '../../server/http/route-table';
import { fieldNamesOf, misshapenBy, shapedBy, type FieldHints } from './bad-input-schema';
import { contentTypeHeader, deeplyNestedJson, e164, garbageJson, hex, nastyString, notJsonText, oddHeaders, pathSegment, queryString } from './bad-input-values';

/** Who sends a request: the test adds the session cookie and CSRF token of that person. */
export type Sender = 'admin' | 'agent' | 'anonymous';

/** One generated request, printable as it is when the server answers it wrongly. */
export interface FuzzRequest {
  as: Sender;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** What kind of input this is, for the failure message. */
  kind: string;
}

/** The body each route reads, by "METHOD url" as routeTable lists it; routes not here get bodies of every other kind. */
export const BODY_SCHEMAS: Record<string, z.ZodType> = {
  'POST /api/session': signInInputSchema,
  'PUT /api/session/password': passwordChangeInputSchema,
  'POST /api/setup': setupInputSchema,
  'POST /api/users': userCreateInputSchema,
  'PATCH /api/users/:id': userUpdateInputSchema,
  'POST /api/whatsapp-accounts': accountCreateInputSchema,
  'PATCH /api/whatsapp-accounts/:id': accountUpdateInputSchema,
  'POST /api/whatsapp-accounts/:id/numbers': numberCreateInputSchema,
  'PATCH /api/whatsapp-accounts/:id/numbers/:numberId': numberUpdateInputSchema,
  'POST /api/queues': queueCreateInputSchema,
  'PATCH /api/queues/:id': queueUpdateInputSchema,
  'POST /api/workstreams': workstreamCreateInputSchema,
  'PATCH /api/workstreams/:id': workstreamUpdateInputSchema,
  'PUT /api/workstreams/:id/whatsapp': whatsAppSetupInputSchema,
  'PUT /api/workstreams/:id/routing-rules': routingRulesInputSchema,
  'POST /api/whatsapp-accounts/:id/templates': templateCreateInputSchema,
  'PATCH /api/whatsapp-accounts/:id/templates/:templateId': templateUpdateInputSchema,
  'PUT /api/whatsapp-accounts/:id/sandbox': sandboxJoinCodeInputSchema,
  'POST /api/conversations/:id/messages': sendMessageInputSchema,
  'POST /api/conversations/:id/accept': conversationActionInputSchema,
  'POST /api/conversations/:id/close': conversationActionInputSchema,
};

/** The query string each route reads. */
export const QUERY_SCHEMAS: Record<string, z.ZodType> = {
  'GET /api/conversations': conversationQuerySchema,
  'GET /api/audit-events': auditQuerySchema,
  'GET /api/conversations/:id/messages': z.object({ before: z.string() }),
};

export const routeKey = (route: Pick<RouteEntry, 'method' | 'url'>) => `${route.method} ${route.url}`;

/** Every field name of every body: bodies with real names and wrong values for routes whose schema is not listed. */
const FIELD_VOCABULARY = [...Object.values(BODY_SCHEMAS).reduce((names, schema) => fieldNamesOf(schema, names), new Set<string>())];


/**
 * Ids of rows that exist, by the name of what they are as the URLs say it ("queues",
 * "whatsapp-accounts", "numbers"…; "token" for the public media token).
 */
export type IdPools = Record<string, readonly string[]>;

const allIds = (pools: IdPools) => [...new Set(Object.values(pools).flat())];

/** The ids of one kind ("queue" finds "queues", "account" finds "whatsapp-accounts"), or all of them when no pool is named so. */
function poolFor(pools: IdPools, word: string): readonly string[] {
  const name = Object.keys(pools).find((key) => word !== '' && key.includes(word.toLowerCase()));
  return name ? pools[name]! : allIds(pools);
}

/** Valid-looking values for the fields that have a format: existing ids, SIDs, numbers, e-mail addresses. */
export function fieldHints(pools: IdPools): FieldHints {
  const idsOf = (word: string) => {
    const ids = poolFor(pools, word);
    return ids.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
  };
  return (key) => {
    if (key === 'version') return fc.integer({ min: 0, max: 4 });
    // "fallbackQueueId" names a queue: the last word before "Id".
    if (key === 'id' || key.endsWith('Id')) return idsOf(/([A-Z]?[a-z]+)Id$/.exec(key)?.[1] ?? '');
    if (key === 'accountSid') return hex(16).map((digits) => `AC${digits}`);
    if (key === 'authToken') return hex(16);
    if (key === 'contentSid') return hex(16).map((digits) => `HX${digits}`);
    if (key === 'number' || key === 'phone') return e164;
    if (key === 'email') return fc.tuple(fc.stringMatching(/^[a-z][a-z.]{0,8}$/), fc.constantFrom('example.test', 'EXAMPLE.test')).map(([local, domain]) => `${local}@${domain}`);
    if (/password/i.test(key)) return fc.string({ minLength: 12, maxLength: 40 });
    return undefined;
  };
}

interface Body {
  body?: string | Buffer;
  contentType?: string;
  kind: string;
}

const json = (kind: string, value: fc.Arbitrary<unknown>, contentType: fc.Arbitrary<string | undefined> = fc.constant('application/json')): fc.Arbitrary<Body> =>
  fc.tuple(value, contentType).map(([item, type]) => ({ body: JSON.stringify(item) ?? 'null', contentType: type, kind }));

/** Bodies of every kind a route may meet; shaped by its schema where it has one. */
function bodyArbitrary(route: RouteEntry, hints: FieldHints): fc.Arbitrary<Body> {
  const schema = BODY_SCHEMAS[routeKey(route)];
  const names = schema ? [...fieldNamesOf(schema)] : FIELD_VOCABULARY;
  const kinds: fc.WeightedArbitrary<Body>[] = [
    { weight: 2, arbitrary: fc.option(contentTypeHeader, { nil: undefined }).map((contentType) => ({ contentType, kind: 'no body' })) },
    { weight: 2, arbitrary: json('JSON of any kind', garbageJson) },
    { weight: 2, arbitrary: json('the real field names, wrong values', fc.dictionary(fc.constantFrom(...names), garbageJson, { minKeys: 1, maxKeys: 6 })) },
    { weight: 2, arbitrary: fc.tuple(notJsonText, contentTypeHeader).map(([body, contentType]) => ({ body, contentType, kind: 'not JSON' })) },
    { weight: 1, arbitrary: deeplyNestedJson.map((body) => ({ body, contentType: 'application/json', kind: 'deeply nested' })) },
    { weight: 1, arbitrary: json('JSON under another content type', schema ? shapedBy(schema, hints) : garbageJson, contentTypeHeader) },
    { weight: 1, arbitrary: fc.constantFrom(API_BODY_LIMIT + 1, 4 * API_BODY_LIMIT).map((size) => ({ body: `"${'x'.repeat(size)}"`, contentType: 'application/json', kind: 'too large' })) },
  ];
  if (schema) {
    kinds.push({ weight: 5, arbitrary: json('shaped by the schema', shapedBy(schema, hints)) });
    kinds.push({ weight: 5, arbitrary: json('misshapen', misshapenBy(schema, hints)) });
  }
  return fc.oneof(...kinds);
}

/** An attachment upload: raw bytes under any content type, with any file name. */
const uploadArbitrary: fc.Arbitrary<Body & { filename?: string }> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...Object.keys(acceptedMediaTypes)) }, { weight: 1, arbitrary: contentTypeHeader }),
    fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      fc.constantFrom(0, 5 * 1024 * 1024 + 1).map((size) => Buffer.alloc(size, 1)),
    ),
    fc.option(fc.oneof(nastyString.map((name) => encodeURIComponent(name.replace(/[\ud800-\udfff]/g, ''))), fc.constantFrom('%00', '%0d%0a', 'a%00.png', '%', '%E0%A4%A', '..%2F..%2Fpasswd', '%22%3B')), { nil: undefined }),
  )
  .map(([contentType, body, filename]) => ({ body, contentType, filename, kind: 'an upload' }));

/**
 * The route's path with each :param replaced by a generated segment, drawn mostly from the
 * ids of what the segment before it names ("/queues/:id": queues; "/:id/:token": tokens).
 */
function pathArbitrary(route: RouteEntry, pools: IdPools): fc.Arbitrary<string> {
  const parts = route.url.split('/');
  const params = parts.flatMap((part, i) => (part.startsWith(':') ? [parts[i - 1]?.startsWith(':') ? part.slice(1) : (parts[i - 1] ?? '')] : []));
  return fc.tuple(...params.map((kind) => pathSegment(poolFor(pools, kind), allIds(pools)))).map((segments) => {
    let index = 0;
    return route.url.replace(/:\w+/g, () => segments[index++]!);
  });
}

const senders = fc.constantFrom<Sender>('admin', 'admin', 'admin', 'admin', 'admin', 'agent', 'anonymous');
const otherMethods = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS');

/** Requests to one API route: its path with generated ids, query strings, headers and bodies, from anyone. */
export function apiRequest(route: RouteEntry, pools: IdPools): fc.Arbitrary<FuzzRequest> {
  const key = routeKey(route);
  const queryKeys = Object.keys((QUERY_SCHEMAS[key] as z.ZodObject | undefined)?.shape ?? {});
  const isUpload = key === 'POST /api/conversations/:id/media';
  const hints = fieldHints(pools);
  const body: fc.Arbitrary<Body & { filename?: string }> = isUpload ? fc.oneof(uploadArbitrary, bodyArbitrary(route, hints)) : bodyArbitrary(route, hints);
  return fc
    .record({
      as: senders,
      method: fc.oneof({ weight: 9, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: otherMethods }),
      path: pathArbitrary(route, pools),
      query: fc.oneof({ weight: 2, arbitrary: fc.constant('') }, { weight: 3, arbitrary: queryString(queryKeys) }),
      headers: oddHeaders,
      body,
    })
    .map(({ as, method, path, query, headers, body: { body: payload, contentType, kind, filename } }) => {
      const all = { ...headers };
      if (contentType !== undefined) all['content-type'] = contentType;
      if (filename !== undefined) all['x-filename'] = filename;
      return { as, method, url: query ? `${path}?${query}` : path, headers: all, body: payload, kind };
    });
}

/** GET /api/events: streams, so only its query string and headers vary. */
export function eventStreamRequest(route: RouteEntry): fc.Arbitrary<FuzzRequest> {
  return fc.record({ as: senders, query: queryString(['since', 'lastEventId', 'queueId']), headers: oddHeaders }).map(({ as, query, headers }) => ({
    as,
    method: route.method,
    url: query ? `${route.url}?${query}` : route.url,
    headers,
    kind: 'event stream',
  }));
}
