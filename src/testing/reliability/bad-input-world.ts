import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER } from '@/api/contract/session';
import { setupTokens, users } from '../../server/db/schema';
import { problems } from '../../server/http/problem';
import { createChannel } from '../server/channel-fixture';
import { insertConversation, insertTemplate } from '../server/conversation-fixture';
import { fakeTwilio } from '../server/fake-twilio';
import { newSessionFor, signedInUser, startTestServer, type TestDatabaseKind, type TestServer } from '../server/test-server';
import type { FuzzRequest, IdPools, Sender } from './bad-input-requests';
import type { WebhookTarget } from './bad-input-webhooks';
import { tableCounter, type TableCounts } from './table-counts';

/* The server the bad-input test throws its requests at, with rows of every kind to aim at. */

type Actor = Awaited<ReturnType<typeof signedInUser>>;

export interface World {
  server: TestServer;
  actors: Record<Exclude<Sender, 'anonymous'>, Actor>;
  /** Ids of rows that exist (and a public media token): what path params and id fields are drawn from. */
  pools: IdPools;
  webhook: WebhookTarget;
  countTables: () => Promise<TableCounts>;
  counts: TableCounts;
}

async function apiCall<T>(server: TestServer, actor: Actor, method: string, url: string, payload?: unknown): Promise<T> {
  const response = await server.app.inject({
    method: method as 'POST',
    url,
    headers: { cookie: actor.cookie, [CSRF_HEADER]: actor.csrfToken, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    payload: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}

/**
 * Routes that answer wrongly on purpose, outside the /api and /webhooks the test walks: they
 * show that its checks catch a 5xx, a refusal that is not a problem, and a refusal that wrote.
 */
function wrongOnPurpose(server: () => TestServer) {
  return (app: FastifyInstance) => {
    app.post('/test-probe/crash', async () => {
      throw new Error('a bug');
    });
    app.post('/test-probe/plain-refusal', async (_request, reply) => reply.status(400).type('text/plain').send('no'));
    app.post('/test-probe/partial-write', async () => {
      await server().context.db.insert(setupTokens).values({ tokenHash: randomUUID(), expiresAt: new Date().toISOString() });
      throw problems.badRequest('Refused after writing.');
    });
  };
}

/** A server with something of everything: channels, a template, conversations, a sent attachment, users. */
export async function buildWorld(kind: TestDatabaseKind): Promise<World> {
  const twilio = fakeTwilio();
  const started: { server?: TestServer } = {};
  const server = await startTestServer(kind, {}, wrongOnPurpose(() => started.server!), { twilio: twilio.gateway });
  started.server = server;
  const admin = await signedInUser(server, 'admin');
  const agent = await signedInUser(server, 'agent');
  const channel = await createChannel(server, admin.fetch);
  // The webhooks' own channel, out of reach of the API fuzzing (which may change or delete what it knows).
  const webhookChannel = await createChannel(server, admin.fetch);
  const template = await insertTemplate(server, channel.account.id);
  const conversation = await insertConversation(server, channel);
  const upload = await server.app.inject({
    method: 'POST',
    url: `/api/conversations/${conversation.id}/media`,
    headers: { cookie: admin.cookie, [CSRF_HEADER]: admin.csrfToken, 'content-type': 'image/png', 'x-filename': 'photo.png' },
    payload: Buffer.from('not really a png'),
  });
  const media = upload.json<{ id: string }>();
  await apiCall(server, admin, 'POST', `/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'With a photo', mediaId: media.id });
  const webhookConversation = await insertConversation(server, webhookChannel);
  await apiCall(server, admin, 'POST', `/api/conversations/${webhookConversation.id}/messages`, { kind: 'text', body: 'Hello' });
  await server.outbox.runDue();
  const mediaToken = twilio.sends.flatMap((send) => send.message.mediaUrl ?? []).map((url) => url.split('/').at(-1)!);
  const outboundSids = twilio.sends.filter((send) => send.credentials.accountSid === webhookChannel.account.accountSid).map((send) => String(send.answered));

  const countTables = await tableCounter(server);
  return {
    server,
    actors: { admin, agent },
    pools: {
      'whatsapp-accounts': [channel.account.id],
      numbers: channel.account.numbers.map((number) => number.id),
      queues: [channel.fallbackQueue.id],
      workstreams: [channel.workstream!.id],
      templates: [template.id],
      conversations: [conversation.id],
      media: [media.id],
      token: mediaToken,
      users: [admin.id, agent.id],
    },
    webhook: {
      accountId: webhookChannel.account.id,
      authToken: webhookChannel.authToken,
      number: webhookChannel.number,
      publicUrl: server.context.config.publicUrl,
      outboundSids,
    },
    countTables,
    counts: await countTables(),
  };
}

/** The generated request as sent, with the sender's session cookie and CSRF token. */
export function send(world: World, request: FuzzRequest): Promise<LightMyRequestResponse> {
  const headers = { ...request.headers };
  if (request.as !== 'anonymous') {
    const actor = world.actors[request.as];
    headers.cookie = actor.cookie;
    headers[CSRF_HEADER] = actor.csrfToken;
  }
  return world.server.app.inject({ method: request.method as 'GET', url: request.url, headers, payload: request.body });
}

/** The signed-in people the requests are sent as: signed in again when a request signed them out, replaced when it demoted or deleted them. */
export async function keepActors(world: World): Promise<void> {
  for (const role of ['admin', 'agent'] as const) {
    const actor = world.actors[role];
    const check = await world.server.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: actor.cookie } });
    if (check.statusCode === 200 && check.json<{ user: { role: string } }>().user.role === role) continue;
    const [user] = await world.server.context.db.select({ role: users.role }).from(users).where(eq(users.id, actor.id));
    world.actors[role] = user?.role === role ? { ...actor, ...(await newSessionFor(world.server, actor.id)) } : await signedInUser(world.server, role);
  }
}

/** Inbound webhooks waiting in the journal after the worker's pass: they failed to be stored. */
export async function stuckInbound(server: TestServer): Promise<string[]> {
  const result = (await server.context.db.execute(sql`select message_sid, last_error from inbound_journal`)) as unknown as { rows: { message_sid: string; last_error: string | null }[] };
  return result.rows.map((row) => `${row.message_sid}: ${row.last_error ?? 'not tried yet'}`);
}

