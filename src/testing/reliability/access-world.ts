import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CSRF_HEADER } from '@/api/contract/session';
import { randomToken, sha256 } from '../../server/crypto/tokens';
import { messageMedia, messages } from '../../server/db/schema';
import { HttpProblem } from '../../server/http/problem';
import { createChannel, freshNumber, type Channel } from '../server/channel-fixture';
import { insertConversation, insertTemplate } from '../server/conversation-fixture';
import { fakeTwilio } from '../server/fake-twilio';
import { newSessionFor, signedInUser, startTestServer, type TestDatabaseKind, type TestServer } from '../server/test-server';
import { inboundEntries, newMessageSid, type FormEntries } from '../server/twilio-webhooks';
import type { RouteRule } from './access-rules';

type User = Awaited<ReturnType<typeof signedInUser>>;

/** A server with one of everything a route's path can name, and the people who call it. */
export interface AccessWorld {
  server: TestServer;
  admin: User;
  /** A member of the channel's queue who holds its conversation, so the conversation routes serve them. */
  agent: User;
  channel: Channel;
  /** The cookie and CSRF token of an administrator's session that was signed out. */
  signedOut: { cookie: string; csrfToken: string };
  /** Path parameters of existing rows, by "segment/:param". */
  samples: Record<string, string>;
  /** The token of the outbound attachment's public link. */
  mediaToken: string;
  /** Errors the server met while answering, with their stacks. */
  serverErrors: string[];
}

export async function seedAccessWorld(kind: TestDatabaseKind): Promise<AccessWorld> {
  const serverErrors: string[] = [];
  // A 500 in a cell is a finding: its cause goes into the failure message.
  const recordErrors = (app: FastifyInstance) =>
    app.addHook('onError', async (request, _reply, error) => {
      const status = error instanceof HttpProblem ? error.body.status : error.statusCode;
      if (status === undefined || status >= 500) serverErrors.push(`${request.method} ${request.url}: ${error.stack ?? error.message}`);
    });
  const server = await startTestServer(kind, {}, recordErrors, { twilio: fakeTwilio().gateway });
  try {
    return { ...(await seedRows(server)), server, serverErrors };
  } catch (error) {
    await server.close();
    throw new Error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n${serverErrors.join('\n')}`);
  }
}

async function seedRows(server: TestServer): Promise<Omit<AccessWorld, 'server' | 'serverErrors'>> {
  const admin = await signedInUser(server, 'admin', 'Matrix Admin');
  const agent = await signedInUser(server, 'agent', 'Matrix Agent');
  const colleague = await signedInUser(server, 'agent', 'Matrix Colleague');
  const channel = await createChannel(server, admin.fetch, { members: [agent.id] });
  const template = await insertTemplate(server, channel.account.id);
  const conversation = await insertConversation(server, channel, { assigneeId: agent.id });
  const mediaToken = randomToken();
  const [message] = await server.context.db
    .insert(messages)
    .values({ conversationId: conversation.id, direction: 'outbound', author: 'agent', authorId: agent.id, body: '', status: 'queued' })
    .returning({ id: messages.id });
  const [media] = await server.context.db
    .insert(messageMedia)
    .values({ conversationId: conversation.id, messageId: message!.id, contentType: 'image/png', filename: 'photo.png', data: Buffer.from('png'), publicTokenHash: sha256(mediaToken) })
    .returning({ id: messageMedia.id });

  const ended = await newSessionFor(server, admin.id);
  const signOut = await fetch(`${server.baseUrl}/api/session`, { method: 'DELETE', headers: { cookie: ended.cookie, [CSRF_HEADER]: ended.csrfToken } });
  if (signOut.status !== 204) throw new Error(`Signing out answered ${signOut.status}`);

  const samples: Record<string, string> = {
    'users/:id': colleague.id,
    'whatsapp-accounts/:id': channel.account.id,
    'numbers/:numberId': channel.account.numbers[0]!.id,
    'templates/:templateId': template.id,
    'queues/:id': channel.fallbackQueue.id,
    'workstreams/:id': channel.workstream!.id,
    'conversations/:id': conversation.id,
    'media/:id': media!.id,
    'whatsapp/:accountId': channel.account.id,
    'status/:accountId': channel.account.id,
  };
  return { admin, agent, channel, signedOut: ended, samples, mediaToken };
}

/**
 * The route's path with existing rows in it; a DELETE names made-up rows, so that the
 * matrix removes nothing that later cells use. The attachment link's token is the real
 * one only for the caller that holds it.
 */
export function urlFor(world: AccessWorld, pattern: string, method: string, options: { holdsKey?: boolean }): string {
  const segments = pattern.split('/');
  return segments
    .map((segment, i) => {
      if (!segment.startsWith(':')) return segment;
      if (pattern.startsWith('/media/') && segment === ':token') return options.holdsKey ? world.mediaToken : randomToken();
      if (method === 'DELETE') return randomUUID();
      const key = `${segments[i - 1]}/${segment}`;
      const sample = world.samples[key];
      if (sample === undefined) throw new Error(`No sample row for ${key} in ${pattern}: add one to seedAccessWorld`);
      return sample;
    })
    .join('/');
}

export type RequestBody = { kind: 'json'; text: string } | { kind: 'form'; entries: FormEntries } | null;

/** What the request carries: Twilio's form for a webhook, an empty JSON object for an API change. */
export function requestBody(world: AccessWorld, pattern: string, method: string, route: RouteRule): RequestBody {
  if (route.rule === 'twilioSignature') {
    if (pattern.includes('/whatsapp/')) return { kind: 'form', entries: inboundEntries({ from: freshNumber(), to: world.channel.number, body: 'Hello', accountSid: world.channel.account.accountSid }) };
    return { kind: 'form', entries: [['MessageSid', newMessageSid()], ['MessageStatus', 'sent'], ['AccountSid', world.channel.account.accountSid]] };
  }
  if (method === 'GET' || method === 'DELETE') return null;
  return { kind: 'json', text: '{}' };
}
