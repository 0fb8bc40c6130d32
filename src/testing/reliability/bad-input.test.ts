// @vitest-environment node
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { ServerContext } from '../../server/context';
import { conversations, messages } from '../../server/db/schema';
import { routeTable, type RouteEntry } from '../../server/http/route-table';
import { freshNumber } from '../server/channel-fixture';
import { byIntensity, intensityTimeout } from '../server/intensity';
import { describeEachDatabase } from '../server/each-database';
import { inboundEntries, newMessageSid, postSignedWebhook } from '../server/twilio-webhooks';
import { describeExchange, parseRawAnswer, problemIssues, rawExchange } from './bad-input-answers';
import { apiRequest, eventStreamRequest, routeKey, type FuzzRequest } from './bad-input-requests';
import { webhookRequest } from './bad-input-webhooks';
import { buildWorld, keepActors, send, stuckInbound, type World } from './bad-input-world';
import { countChanges } from './table-counts';

/*
 * Issue 8: generated bodies, headers, query strings, path ids and sizes thrown at every route
 * the app registers (a new route is fuzzed without being listed here). Whatever comes, the
 * server answers below 500, every refusal is an RFC 9457 problem, a refused request leaves
 * every table as it was, and the server still answers /readyz.
 */

const OVERSIZED_REQUEST = `GET /readyz?${'a'.repeat(70_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;

/** The routes as the app registers them (building the app registers them without touching a database). */
async function registeredRoutes() {
  const config = { ...loadConfig({}), staticDir: '/nonexistent' };
  const app = await buildApp({ config } as ServerContext, { logger: false });
  const table = [...routeTable(app)];
  await app.close();
  // Deletions last, children before parents: the rows the other routes are fuzzed on stay until then.
  const order = (route: RouteEntry) => (route.method === 'DELETE' ? 1 : 0);
  return table.sort((a, b) => order(a) - order(b) || (order(a) === 1 ? b.url.length - a.url.length : 0));
}

const routes = await registeredRoutes();

const RUNS_PER_ROUTE = byIntensity(12, 100);
const RUNS_PER_WEBHOOK = byIntensity(40, 300);

/**
 * Sends one request and checks the answer: below 500, a problem when refused, no table's row
 * count changed by a refusal. After an accepted change, the table counts are taken anew.
 */
async function exchange(world: World, request: FuzzRequest): Promise<void> {
  const response = await send(world, request);
  const status = response.statusCode;
  const told = describeExchange(request, status, response.headers, response.body);
  const issues = problemIssues(status, response.headers, response.body);
  expect(issues, `${issues.join('; ')}\n${told}`).toEqual([]);
  if (status >= 400) {
    const changes = countChanges(world.counts, await world.countTables());
    expect(changes, `a refused request changed rows (${changes.join(', ')})\n${told}`).toEqual([]);
    return;
  }
  if (request.url.startsWith('/webhooks/')) {
    await world.server.context.inbound.settled();
    expect(await stuckInbound(world.server), `an accepted webhook could not be stored\n${told}`).toEqual([]);
  } else if (request.method !== 'GET') {
    await keepActors(world);
  }
  world.counts = await world.countTables();
}

/** GET /api/events streams: the answer's head is read, then the connection is dropped. */
async function exchangeEventStream(world: World, request: FuzzRequest): Promise<void> {
  const headers = new Headers();
  // Over a real connection: header values as long as Node's own header limit allows.
  for (const [name, value] of Object.entries(request.headers)) if (value.length <= 1_000) headers.set(name, value);
  if (request.as !== 'anonymous') headers.set('cookie', world.actors[request.as].cookie);
  const abort = new AbortController();
  const response = await fetch(`${world.server.baseUrl}${request.url}`, { headers, signal: abort.signal });
  const responseHeaders = Object.fromEntries(response.headers);
  const body = response.status >= 400 ? await response.text() : '';
  abort.abort();
  const told = describeExchange(request, response.status, responseHeaders, body);
  const issues = problemIssues(response.status, responseHeaders, body);
  expect(issues, `${issues.join('; ')}\n${told}`).toEqual([]);
  if (response.status === 200) expect(responseHeaders['content-type'], told).toMatch(/^text\/event-stream/);
}

function arbitraryFor(world: World, route: RouteEntry): { arbitrary: fc.Arbitrary<FuzzRequest>; runs: number; run: (request: FuzzRequest) => Promise<void> } {
  if (route.url.startsWith('/webhooks/')) return { arbitrary: webhookRequest(route, world.webhook), runs: RUNS_PER_WEBHOOK, run: (request) => exchange(world, request) };
  if (routeKey(route) === 'GET /api/events') return { arbitrary: eventStreamRequest(route), runs: RUNS_PER_ROUTE, run: (request) => exchangeEventStream(world, request) };
  return { arbitrary: apiRequest(route, world.pools), runs: RUNS_PER_ROUTE, run: (request) => exchange(world, request) };
}

describeEachDatabase('bad input on %s', (kind) => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld(kind);
  });
  afterAll(async () => {
    await world?.server.close();
  });

  it('walks every route the app registers, the webhooks and public media included', () => {
    const keys = routes.map(routeKey);
    expect(keys).toEqual(expect.arrayContaining(['GET /readyz', 'POST /api/queues', 'GET /api/events', 'POST /webhooks/twilio/whatsapp/:accountId', 'POST /webhooks/twilio/status/:accountId', 'GET /media/:id/:token']));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('catches a 5xx, a refusal that is not a problem, and a refusal that wrote rows', async () => {
    const probe = (path: string): FuzzRequest => ({ as: 'anonymous', method: 'POST', url: `/test-probe/${path}`, headers: {}, kind: 'a probe' });
    await expect(exchange(world, probe('crash'))).rejects.toThrow(/answered 500/);
    await expect(exchange(world, probe('plain-refusal'))).rejects.toThrow(/refused as text\/plain/);
    await expect(exchange(world, probe('partial-write'))).rejects.toThrow(/a refused request changed rows \(setup_tokens: \d+ → \d+\)/);
    world.counts = await world.countTables();
  });

  it('keeps a customer message that holds NUL characters, each shown as U+FFFD (PostgreSQL text cannot hold NUL)', async () => {
    const { accountId, authToken, number } = world.webhook;
    const messageSid = newMessageSid();
    const entries = inboundEntries({ from: freshNumber(), to: number, body: 'before\u0000after', profileName: 'Ma\u0000ija', messageSid });
    const response = await postSignedWebhook(world.server, `/webhooks/twilio/whatsapp/${accountId}`, entries, { authToken });
    expect(response.status).toBe(200);
    const [stored] = await world.server.context.db
      .select({ body: messages.body, profileName: conversations.profileName })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(messages.twilioSid, messageSid));
    expect(stored).toEqual({ body: 'before\uFFFDafter', profileName: 'Ma\uFFFDija' });
    expect(await stuckInbound(world.server)).toEqual([]);
  });

  it('takes an attachment whose file name holds NUL and control characters', async () => {
    const conversationId = world.pools.conversations![0]!;
    const response = await send(world, {
      as: 'admin',
      method: 'POST',
      url: `/api/conversations/${conversationId}/media`,
      headers: { 'content-type': 'image/png', 'x-filename': 'a%00b%0D%0Ac.png' },
      body: Buffer.from('png bytes'),
      kind: 'an upload',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<{ filename: string }>().filename).toBe('abc.png');
  });

  // Refusals by the router and by Node's HTTP parser are problems only while app.ts passes
  // routerProblem as frameworkErrors and clientErrorProblem as clientErrorHandler: this fails otherwise.
  it('answers the refusals made before the app code runs as problems', async () => {
    for (const url of ['/api/users/%', `/api/users/${'a'.repeat(500)}`, '/media/%zz/x']) {
      const response = await world.server.app.inject({ method: 'GET', url, headers: { cookie: world.actors.admin.cookie } });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(problemIssues(response.statusCode, response.headers, response.body), url).toEqual([]);
    }
    for (const request of [OVERSIZED_REQUEST, 'NOT HTTP\r\n\r\n', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`]) {
      const answer = await rawExchange(Number(new URL(world.server.baseUrl).port), request);
      const { status, headers, body } = parseRawAnswer(answer);
      expect(status, answer).toBeGreaterThanOrEqual(400);
      expect(problemIssues(status, headers, body), answer).toEqual([]);
    }
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))(
    '%s: never a 5xx, every refusal a problem that changed nothing',
    async (_key, route) => {
      const { arbitrary, runs, run } = arbitraryFor(world, route);
      world.counts = await world.countTables();
      await fc.assert(fc.asyncProperty(arbitrary, run), { numRuns: runs });
      const ready = await world.server.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(200);
    },
    intensityTimeout(60_000, 300_000),
  );
});
