// @vitest-environment node
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Queue } from '@/api/contract/queue';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import type { Workstream } from '@/api/contract/workstream';
import { describeOnPostgres } from '../../testing/server/each-database';
import { testDatabaseUrl } from '../../testing/server/postgres';
import { deleteConfiguration, signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';

interface Answer {
  status: number;
  body: { errors?: { path: string; code: string }[]; detail?: string } & Record<string, unknown>;
}

/**
 * The checks of a request pass, then another transaction commits the change that breaks
 * them: the database's constraints must turn that into the same answer the checks give.
 * Another connection holds its change uncommitted until the request waits on it, then
 * commits. Only PostgreSQL has concurrent transactions; PGlite runs one at a time.
 */
describeOnPostgres('configuration when a racing change commits after the checks (PostgreSQL)', () => {
  let server: TestServer;
  let admin: Awaited<ReturnType<typeof signedInUser>>;
  let other: pg.Client;
  let serial = 0;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    admin = await signedInUser(server, 'admin');
    const [row] = await rowsOf<{ name: string }>(sql`select current_database() as name`);
    const url = new URL(testDatabaseUrl());
    url.pathname = `/${row!.name}`;
    other = new pg.Client({ connectionString: url.toString() });
    await other.connect();
  }, 60_000);

  afterAll(async () => {
    await other?.end();
    await server?.close();
  });

  beforeEach(() => deleteConfiguration(server, admin.id));

  /** The rows of a query on the server's own database (node-postgres answers with `rows`). */
  const rowsOf = async <T,>(query: SQL): Promise<T[]> => ((await server.context.db.execute(query)) as unknown as { rows: T[] }).rows;

  async function api(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await admin.fetch(`${server.baseUrl}/api${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Answer['body']) };
  }

  const codes = (answer: Answer) => (answer.body.errors ?? []).map((e) => `${e.path} ${e.code}`);

  /** Sends the request while `change` is uncommitted, and commits it once the request waits for it. */
  async function racing(change: string, params: unknown[], request: () => Promise<Answer>): Promise<Answer> {
    await other.query('begin');
    try {
      await other.query(change, params);
      const answer = request();
      await waitUntilBlocked();
      await other.query('commit');
      return await answer;
    } catch (error) {
      await other.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  async function waitUntilBlocked() {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [row] = await rowsOf<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if ((row?.n ?? 0) > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('The request never waited for the other transaction.');
  }

  const queueInput = (name: string, memberIds: string[] = []) => ({ name, type: 'messaging', priority: 5, memberIds, operatingHours: null });

  async function createQueue(): Promise<Queue> {
    const answer = await api('POST', '/queues', queueInput(`Queue ${++serial}`));
    expect(answer.status).toBe(201);
    return answer.body as unknown as Queue;
  }

  const createWorkstreamAnswer = (fallbackQueueId: string, name: string) =>
    api('POST', '/workstreams', {
      name,
      type: 'messaging',
      channel: 'whatsapp',
      distributionMode: 'push',
      fallbackQueueId,
      capacity: { mode: 'unit', value: 2 },
      blockCapacityForWrapUp: false,
      allowedPresences: ['available'],
      skillMatching: 'none',
      keepSameAgent: true,
      advanced: { notificationTemplate: 'messagingIncoming', contextVariables: [], quickReplies: [] },
    });

  async function createWorkstream(queueId: string, name = `Workstream ${++serial}`): Promise<Workstream> {
    const answer = await createWorkstreamAnswer(queueId, name);
    expect(answer.status).toBe(201);
    return answer.body as unknown as Workstream;
  }

  async function createAccount() {
    const answer = await api('POST', '/whatsapp-accounts', {
      name: `Account ${++serial}`,
      channel: 'whatsapp',
      accountSid: `AC${String(serial).padStart(32, '0')}`,
      authToken: 'f'.repeat(32),
      numbers: [
        { name: 'One', number: `+3584${String(++serial).padStart(8, '0')}` },
        { name: 'Two', number: `+3584${String(++serial).padStart(8, '0')}` },
      ],
    });
    expect(answer.status).toBe(201);
    return answer.body as unknown as WhatsAppAccount;
  }

  const setupInput = (version: number, numberId: string) => ({
    version,
    numberId,
    language: 'en',
    automatedMessages: [],
    survey: { mode: 'off' },
    attachments: { customersCanSend: true, agentsCanSend: true },
  });

  const insertWorkstream = `insert into workstreams (name, name_key, distribution_mode, fallback_queue_id, settings) values ($1, lower($1), 'push', $2, '{}')`;

  test('a queue name taken meanwhile: 409 queueName.taken', async () => {
    const answer = await racing(`insert into queues (name, name_key, priority) values ('Billing', 'billing', 1)`, [], () =>
      api('POST', '/queues', queueInput('BILLING')),
    );
    expect(answer.status).toBe(409);
    expect(codes(answer)).toEqual(['name queueName.taken']);
  });

  test('a queue a workstream started to use meanwhile: 409 queue.inUse naming the workstream', async () => {
    const queue = await createQueue();
    const answer = await racing(insertWorkstream, ['Late fallback', queue.id], () => api('DELETE', `/queues/${queue.id}`));
    expect(answer.status).toBe(409);
    expect(codes(answer)).toEqual(['usedBy queue.inUse']);
    expect(answer.body.detail).toContain('Late fallback');
  });

  test('a queue a routing rule started to use meanwhile: 409 queue.inUse naming the rule', async () => {
    const fallback = await createQueue();
    const target = await createQueue();
    const workstream = await createWorkstream(fallback.id, 'Nordic chat');
    const answer = await racing(
      `insert into routing_rules (workstream_id, position, name, conditions, queue_id) values ($1, 0, 'Late rule', '[]', $2)`,
      [workstream.id, target.id],
      () => api('DELETE', `/queues/${target.id}`),
    );
    expect(answer.status).toBe(409);
    expect(codes(answer)).toEqual(['usedBy queue.inUse']);
    expect(answer.body.detail).toContain('Late rule');
  });

  test('a member removed meanwhile: 400 member.unknownUser, and no queue', async () => {
    const agent = await signedInUser(server, 'agent', 'Leaving Agent');
    const answer = await racing('delete from users where id = $1', [agent.id], () => api('POST', '/queues', queueInput('With a leaver', [agent.id])));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['memberIds member.unknownUser']);
    expect((await api('GET', '/queues')).body).toEqual({ items: [] });
  });

  test('a workstream name taken meanwhile: 409 workstreamName.taken', async () => {
    const queue = await createQueue();
    const answer = await racing(insertWorkstream, ['Sales', queue.id], () => createWorkstreamAnswer(queue.id, 'sales'));
    expect(answer.status).toBe(409);
    expect(codes(answer)).toEqual(['name workstreamName.taken']);
  });

  test('a fallback queue deleted meanwhile: 400 queue.notFound', async () => {
    const queue = await createQueue();
    const answer = await racing('delete from queues where id = $1', [queue.id], () => createWorkstreamAnswer(queue.id, 'Orphan'));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['fallbackQueueId queue.notFound']);
  });

  test('a number bound by another workstream meanwhile: 409 number.bound naming it', async () => {
    const queue = await createQueue();
    const account = await createAccount();
    const first = await createWorkstream(queue.id, 'First chat');
    const second = await createWorkstream(queue.id);
    const numberId = account.numbers[0]!.id;
    const answer = await racing(
      `update workstreams set whatsapp_number_id = $1, whatsapp = '{}' where id = $2`,
      [numberId, first.id],
      () => api('PUT', `/workstreams/${second.id}/whatsapp`, setupInput(second.version, numberId)),
    );
    expect(answer.status).toBe(409);
    expect(codes(answer)).toEqual(['numberId number.bound']);
    expect(answer.body.detail).toContain('First chat');
  });

  test('a number removed meanwhile: 400 number.notFound', async () => {
    const queue = await createQueue();
    const account = await createAccount();
    const workstream = await createWorkstream(queue.id);
    const numberId = account.numbers[0]!.id;
    const answer = await racing('delete from whatsapp_numbers where id = $1', [numberId], () =>
      api('PUT', `/workstreams/${workstream.id}/whatsapp`, setupInput(workstream.version, numberId)),
    );
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['numberId number.notFound']);
  });

  test('a rule’s queue deleted meanwhile: 400 queue.notFound on that rule', async () => {
    const fallback = await createQueue();
    const target = await createQueue();
    const workstream = await createWorkstream(fallback.id);
    const rule = (queueId: string) => ({ name: `Rule ${++serial}`, conditions: [{ field: 'firstMessage', operator: 'contains', value: 'hi' }], queueId });
    const answer = await racing('delete from queues where id = $1', [target.id], () =>
      api('PUT', `/workstreams/${workstream.id}/routing-rules`, { version: 1, rules: [rule(fallback.id), rule(target.id)] }),
    );
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['rules.1.queueId queue.notFound']);
  });

  test('rules saved meanwhile from the same version: 409 version conflict', async () => {
    const queue = await createQueue();
    const workstream = await createWorkstream(queue.id);
    const answer = await racing('update workstreams set routing_version = routing_version + 1 where id = $1', [workstream.id], () =>
      api('PUT', `/workstreams/${workstream.id}/routing-rules`, { version: 1, rules: [] }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('/problems/version-conflict');
  });

  test('a queue changed meanwhile from the same version: 409 version conflict', async () => {
    const queue = await createQueue();
    const answer = await racing('update queues set version = version + 1 where id = $1', [queue.id], () =>
      api('PATCH', `/queues/${queue.id}`, { version: queue.version, priority: 1 }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('/problems/version-conflict');
  });

  test('a template name and language taken meanwhile: 409 template.taken', async () => {
    const account = await createAccount();
    const answer = await racing(
      `insert into message_templates (account_id, name, language, category, body, examples, status) values ($1, 'order_update', 'en', 'utility', 'Hi', '[]', 'draft')`,
      [account.id],
      () => api('POST', `/whatsapp-accounts/${account.id}/templates`, { name: 'order_update', language: 'en', category: 'utility', body: 'Hello' }),
    );
    expect(answer.status).toBe(409);
    expect(codes(answer)).toEqual(['name template.taken']);
  });

  test('none of the refused requests recorded an audit event', async () => {
    const queue = await createQueue();
    await racing(insertWorkstream, ['Late fallback', queue.id], () => api('DELETE', `/queues/${queue.id}`));
    const events = await rowsOf<{ action: string; entity_type: string }>(sql`select action, entity_type from audit_events`);
    expect(events).toEqual([{ action: 'created', entity_type: 'queue' }]);
  });

});
