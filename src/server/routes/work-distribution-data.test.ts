// @vitest-environment node
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import type { AuditEventPage } from '@/api/contract/audit-event';
import type { Queue } from '@/api/contract/queue';
import type { User } from '@/api/contract/user';
import { PRESENCE_STALE_MINUTES } from '@/domain/work-distribution/presence';
import { describeEachDatabase } from '../../testing/server/each-database';
import { openEventStream } from '../../testing/server/event-stream';
import { ACTIVITY_EVERY_MS } from '../auth/session-store';
import { deleteConfiguration, signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { queues, users } from '../db/schema';

const PASSWORD = 'a long enough password';

/*
 * What the API scenarios cannot set up or see: queue members left pending by the migration
 * (no request makes them), the live presence event, and the activity that keeps a presence
 * fresh, on a clock the test moves.
 */
describeEachDatabase('work distribution data on the server (%s)', (kind) => {
  let server: TestServer;
  let admin: Awaited<ReturnType<typeof signedInUser>>;
  let clock = Date.now();

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await signedInUser(server, 'admin');
  }, 60_000);

  afterAll(() => server?.close());

  beforeEach(async () => {
    clock = Date.now();
    server.setNow(new Date(clock));
    await deleteConfiguration(server, admin.id);
  });

  const advance = (ms: number) => {
    clock += ms;
    server.setNow(new Date(clock));
  };

  async function api<T>(method: string, path: string, body?: unknown, as: { fetch: typeof fetch } = admin): Promise<{ status: number; body: T }> {
    const response = await as.fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  async function queueWithPending(pending: { name: string; email: string }[], memberIds: string[] = []) {
    const { body: queue } = await api<Queue>('POST', '/queues', { name: `Queue ${Math.random()}`, type: 'messaging', priority: 5, memberIds, operatingHours: null });
    // Only the migration writes pending members (0006): as it would have.
    await server.context.db.update(queues).set({ pendingMembers: pending }).where(eq(queues.id, queue.id));
    return (await api<Queue>('GET', `/queues/${queue.id}`)).body;
  }

  const lastActiveAt = async (id: string) => (await server.context.db.select({ at: users.lastActiveAt }).from(users).where(eq(users.id, id)))[0]?.at ?? null;

  // ---- pending members -------------------------------------------------------------

  test('pending members are shown; creating a user with a pending e-mail makes them a member at the end of the list', async () => {
    const agent = await signedInUser(server, 'agent', 'Present Agent');
    const queue = await queueWithPending(
      [
        { name: 'Nora Pending', email: 'nora@contoso.example' },
        { name: 'Olli Pending', email: 'olli@contoso.example' },
      ],
      [agent.id],
    );
    expect(queue.pendingMembers).toEqual([
      { name: 'Nora Pending', email: 'nora@contoso.example' },
      { name: 'Olli Pending', email: 'olli@contoso.example' },
    ]);
    const untouched = await queueWithPending([{ name: 'Someone Else', email: 'else@contoso.example' }]);

    const created = await api<User>('POST', '/users', { name: 'Nora Virtanen', email: ' NORA@Contoso.example', role: 'agent', password: PASSWORD });
    expect(created.status).toBe(201);

    const after = (await api<Queue>('GET', `/queues/${queue.id}`)).body;
    expect(after.members.map((m) => m.userId)).toEqual([agent.id, created.body.id]);
    expect(after.members[1]).toMatchObject({ name: 'Nora Virtanen', email: 'nora@contoso.example', role: 'agent' });
    expect(after.pendingMembers).toEqual([{ name: 'Olli Pending', email: 'olli@contoso.example' }]);
    expect(after.version).toBe(queue.version + 1);
    expect((await api<Queue>('GET', `/queues/${untouched.id}`)).body).toEqual(untouched);

    const { body: log } = await api<AuditEventPage>('GET', '/audit-events?limit=2');
    expect(log.items.map((e) => [e.action, e.entityType, e.entityId, e.changedFields])).toEqual([
      ['updated', 'queue', queue.id, ['members']],
      ['created', 'user', created.body.id, []],
    ]);
  });

  test('an update removes pending members by leaving their e-mail out; it never adds one', async () => {
    const queue = await queueWithPending([
      { name: 'Nora Pending', email: 'nora@contoso.example' },
      { name: 'Olli Pending', email: 'olli@contoso.example' },
    ]);
    const kept = await api<Queue>('PATCH', `/queues/${queue.id}`, { version: queue.version, pendingMembers: ['OLLI@contoso.example'] });
    expect(kept.status).toBe(200);
    expect(kept.body.pendingMembers).toEqual([{ name: 'Olli Pending', email: 'olli@contoso.example' }]);

    const added = await api<{ errors: { path: string; code: string }[] }>('PATCH', `/queues/${queue.id}`, {
      version: kept.body.version,
      pendingMembers: ['olli@contoso.example', 'nora@contoso.example'],
    });
    expect(added.status).toBe(400);
    expect(added.body.errors.map((e) => `${e.path} ${e.code}`)).toEqual(['pendingMembers.1 member.notPending']);

    const { body: log } = await api<AuditEventPage>('GET', `/audit-events?entityType=queue&limit=1`);
    expect(log.items[0]).toMatchObject({ action: 'updated', entityId: queue.id, changedFields: ['members'] });
  });

  test('a removed user leaves their queues (the memberships go with them)', async () => {
    const agent = await signedInUser(server, 'agent', 'Leaving Agent');
    const queue = await queueWithPending([], [agent.id]);
    expect((await api('DELETE', `/users/${agent.id}`)).status).toBe(204);
    const after = (await api<Queue>('GET', `/queues/${queue.id}`)).body;
    expect(after.members).toEqual([]);
    expect(after.version).toBe(queue.version + 1);
  });

  // ---- presence ---------------------------------------------------------------------

  test('a change of presence goes live to administrators and to the user, not to other agents', async () => {
    const agent = await signedInUser(server, 'agent', 'Changing Agent');
    const colleague = await signedInUser(server, 'agent', 'Colleague');
    const streams = await Promise.all([admin, agent, colleague].map((who) => openEventStream(server.baseUrl, who.cookie)));
    try {
      const answer = await api<{ presence: string }>('PUT', '/session/presence', { presence: 'doNotDisturb' }, agent);
      expect(answer).toEqual({ status: 200, body: { presence: 'doNotDisturb' } });
      const expected = { type: 'presence', userId: agent.id, presence: 'doNotDisturb' };
      const isExpected = (e: object) => JSON.stringify(e) === JSON.stringify(expected);
      await expect(streams[0]!.next(isExpected)).resolves.toEqual(expected);
      await expect(streams[1]!.next(isExpected)).resolves.toEqual(expected);
      // Each stream's opening request counts as coming back (never active before): the colleague hears of themselves only.
      await expect(streams[2]!.next((e) => e.type === 'presence' && e.userId !== colleague.id, 300)).rejects.toThrow(/No matching event/);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  test('requests keep a user’s presence fresh, writing it at most every 30 seconds; a quiet user counts as Offline', async () => {
    const agent = await signedInUser(server, 'agent', 'Active Agent');
    await api('PUT', '/session/presence', { presence: 'busy' }, agent);
    const first = await lastActiveAt(agent.id);
    expect(new Date(first!).getTime()).toBe(clock);

    advance(29_000);
    await api('GET', '/session', undefined, agent);
    expect(await lastActiveAt(agent.id)).toBe(first);

    advance(2_000);
    await api('GET', '/session', undefined, agent);
    expect(new Date((await lastActiveAt(agent.id))!).getTime()).toBe(clock);

    const presenceOf = async () => (await api<{ items: User[] }>('GET', '/users')).body.items.find((u) => u.id === agent.id)?.presence;
    expect(await presenceOf()).toBe('busy');
    advance(PRESENCE_STALE_MINUTES * 60_000 + 1_000);
    expect(await presenceOf()).toBe('offline');
    // Their own session still says what they chose.
    expect((await api<{ user: { presence: string } }>('GET', '/session', undefined, agent)).body.user.presence).toBe('busy');
    expect(await presenceOf()).toBe('busy');
  });

  test('an open event stream keeps its user’s presence fresh without any request', async () => {
    const agent = await signedInUser(server, 'agent', 'Watching Agent');
    // Only the stream's own timers are the test's: the server's clock is moved by hand.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stream = await openEventStream(server.baseUrl, agent.cookie);
    try {
      await expect.poll(() => lastActiveAt(agent.id)).not.toBeNull();
      for (let round = 1; round <= 3; round++) {
        advance(ACTIVITY_EVERY_MS + 1_000);
        vi.advanceTimersByTime(ACTIVITY_EVERY_MS);
        await expect.poll(async () => new Date((await lastActiveAt(agent.id))!).getTime()).toBe(clock);
      }
      const presenceOf = async () => (await api<{ items: User[] }>('GET', '/users')).body.items.find((u) => u.id === agent.id)?.presence;
      expect(await presenceOf()).toBe('available');
    } finally {
      stream.close();
      vi.useRealTimers();
    }
  });

  test('a user who comes back after going quiet is announced with the presence they chose', async () => {
    const agent = await signedInUser(server, 'agent', 'Returning Agent');
    await api('PUT', '/session/presence', { presence: 'away' }, agent);
    advance(PRESENCE_STALE_MINUTES * 60_000 + 1_000);
    const stream = await openEventStream(server.baseUrl, admin.cookie);
    try {
      await api('GET', '/session', undefined, agent);
      await expect(stream.next((e) => e.type === 'presence' && e.userId === agent.id)).resolves.toEqual({ type: 'presence', userId: agent.id, presence: 'away' });
    } finally {
      stream.close();
    }
  });
});
