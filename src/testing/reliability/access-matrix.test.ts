// @vitest-environment node
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CSRF_HEADER } from '@/api/contract/session';
import { createSession } from '../../server/auth/session-store';
import { routeTable } from '../../server/http/route-table';
import { byIntensity, intensityTimeout } from '../server/intensity';
import { describeEachDatabase, describeOnPostgres } from '../server/each-database';
import { newSessionFor, type TestDatabaseKind } from '../server/test-server';
import { signedForm } from '../server/twilio-webhooks';
import { accessRules, guardedRules, type RouteRule } from './access-rules';
import { callerNames, callers, expectedAnswer, type Caller, type CallerName, type Expected } from './access-callers';
import { printMatrix } from './access-matrix-print';
import { requestBody, seedAccessWorld, urlFor, type AccessWorld } from './access-world';

/** The hard run asks each route several times over, every caller at once, to catch state leaking between requests. */
const rounds = byIntensity(1, 4);

const routeKeys = Object.keys(accessRules);
type Matrix = Map<string, Map<CallerName, number | null>>;
const matrices = new Map<TestDatabaseKind, Matrix>();

describeEachDatabase('access matrix (server on %s)', (kind) => {
  let world: AccessWorld;
  const matrix: Matrix = new Map();
  matrices.set(kind, matrix);

  beforeAll(async () => {
    world = await seedAccessWorld(kind);
  }, 60_000);
  afterAll(async () => {
    printMatrix(kind, matrix);
    await world?.server.close();
  });

  test('every route the app registered has a reviewed access rule, and every rule a route', () => {
    const registered = routeTable(world.server.app).map((route) => `${route.method} ${route.url}`);
    const withoutRule = registered.filter((key) => !(key in accessRules));
    const withoutRoute = routeKeys.filter((key) => !registered.includes(key));
    expect(withoutRule.map((key) => `add an access rule for ${key} in src/testing/reliability/access-rules.ts`)).toEqual([]);
    expect(withoutRoute.map((key) => `the rule for ${key} has no route any more: remove it`)).toEqual([]);
  });

  test('each route declares the access its rule says', () => {
    const mismatches = routeTable(world.server.app).flatMap((route) => {
      const key = `${route.method} ${route.url}`;
      const rule = accessRules[key]?.rule;
      if (rule === undefined) return [];
      const inApi = route.url.startsWith('/api/');
      // Outside the API no guard runs: a declared access there would promise what nothing checks.
      const declared = inApi ? (route.access ?? 'admin') : route.access;
      const wanted = inApi ? rule : undefined;
      if (inApi !== guardedRules.has(rule)) return [`${key}: rule ${rule} does not fit a route ${inApi ? 'inside' : 'outside'} /api`];
      return declared === wanted ? [] : [`${key}: declares ${String(declared)}, the reviewed rule is ${rule}`];
    });
    expect(mismatches).toEqual([]);
  });

  test.each(routeKeys)(
    '%s answers each caller as its rule says',
    async (key) => {
      const [method, pattern] = key.split(' ') as [string, string];
      const rule = accessRules[key]!;
      const row = new Map<CallerName, number | null>();
      matrix.set(key, row);
      const failures: string[] = [];
      const askAs = async (name: CallerName) => {
        const expected = expectedAnswer(rule, method, name);
        if (expected === null) return void row.set(name, null);
        const status = await send(world, callers[name], method, pattern, rule);
        row.set(name, status);
        if (!answersAsExpected(status, expected, method)) failures.push(`${name}: ${status}, expected ${describeExpected(expected, method)}`);
      };
      for (let round = 0; round < rounds; round++) {
        if (round === 0) for (const name of callerNames) await askAs(name);
        else await Promise.all(callerNames.map(askAs));
      }
      const errors = world.serverErrors.splice(0);
      expect(failures, `${key}${errors.length ? `\nserver errors:\n${errors.join('\n')}` : ''}`).toEqual([]);
    },
    intensityTimeout(20_000, 60_000),
  );
});

describeOnPostgres('access matrix on both databases', () => {
  test('PGlite and PostgreSQL answer every cell alike', () => {
    const flatten = (matrix: Matrix | undefined) => [...(matrix ?? [])].map(([key, row]) => `${key} ${[...row].map(([name, status]) => `${name}=${status}`).join(' ')}`);
    expect(flatten(matrices.get('pglite'))).toHaveLength(routeKeys.length);
    expect(flatten(matrices.get('postgres'))).toEqual(flatten(matrices.get('pglite')));
  });
});

function answersAsExpected(status: number, expected: Expected, method: string): boolean {
  if (expected !== 'allowed') return status === expected;
  // Let through: not refused, and no crash. A GET on the seeded rows is served; a change may be 400/404/409 for a made-up body.
  return method === 'GET' ? status === 200 : status !== 401 && status !== 403 && status < 500;
}

function describeExpected(expected: Expected, method: string): string {
  return expected !== 'allowed' ? String(expected) : method === 'GET' ? '200' : 'not 401/403/5xx';
}

/** One request of `caller` to the route, as a browser (or Twilio) would send it; the answer's status. */
async function send(world: AccessWorld, caller: Caller, method: string, pattern: string, rule: RouteRule): Promise<number> {
  const { server } = world;
  const url = urlFor(world, pattern, method, { holdsKey: caller.holdsKey });
  const headers: Record<string, string> = { accept: 'application/json' };
  const session = await sessionOf(world, caller);
  if (session) headers.cookie = session.cookie;
  if (session && caller.csrf === 'own') headers[CSRF_HEADER] = session.csrfToken;
  if (session && caller.csrf === 'otherSession') headers[CSRF_HEADER] = (await newSessionFor(server, world.admin.id)).csrfToken;
  if (caller.origin) headers.origin = caller.origin;

  let body: string | undefined = undefined;
  const form = requestBody(world, pattern, method, rule);
  if (form?.kind === 'json') {
    headers['content-type'] = 'application/json';
    body = form.text;
  } else if (form?.kind === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    const signed = signedForm(world.channel.authToken, `${server.context.config.publicUrl}${url}`, form.entries);
    body = signed.body;
    if (caller.holdsKey) headers['x-twilio-signature'] = signed.signature;
  } else if (caller.holdsKey) {
    // A signature on an API call: it must count for nothing there.
    headers['x-twilio-signature'] = signedForm(world.channel.authToken, `${server.context.config.publicUrl}${url}`, []).signature;
  }

  const response = await fetch(`${server.baseUrl}${url}`, { method: caller.head ? 'HEAD' : method, headers, body });
  // The event stream never ends by itself: its status is all this test needs.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) await response.body?.cancel();
  else await response.arrayBuffer();
  if (form?.kind === 'form' && response.ok) await server.context.inbound.settled();
  return response.status;
}

/** A fresh session for each request, so that a sign-out in one cell does not change the next. */
async function sessionOf(world: AccessWorld, caller: Caller): Promise<{ cookie: string; csrfToken: string } | null> {
  switch (caller.session) {
    case 'none':
      return null;
    case 'agent':
      return newSessionFor(world.server, world.agent.id);
    case 'admin':
      return newSessionFor(world.server, world.admin.id);
    case 'signedOut':
      return world.signedOut;
    case 'expired': {
      // Last seen two hours ago with an hour's idle time.
      const session = await createSession(world.server.context.db, world.admin.id, new Date(Date.now() - 2 * 3_600_000), 60);
      return { cookie: `wa_session=${session.token}`, csrfToken: session.csrfToken };
    }
  }
}
