import { randomBytes } from 'node:crypto';
import type { Queue } from '@/api/contract/queue';
import type { RoutingRuleSet } from '@/api/contract/routing-rule';
import type { WhatsAppAccount } from '@/api/contract/whatsapp-account';
import type { AutomatedMessage } from '@/api/contract/whatsapp-setup';
import type { Workstream } from '@/api/contract/workstream';
import type { RoutingCondition } from '@/domain/routing-rules';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import { addQueueMembers } from './routing-fixture';
import type { TestServer } from './test-server';

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(++serial).toString(36)}`;

/** A phone number no other fixture of this process uses. */
export function freshNumber(): string {
  return `+3584${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(++serial).padStart(4, '0')}`;
}

export const newAuthToken = () => randomBytes(16).toString('hex');
export const newAccountSid = () => `AC${randomBytes(16).toString('hex')}`;

type FetchAs = typeof fetch;

async function call<T>(server: TestServer, fetchAs: FetchAs, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetchAs(`${server.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface ChannelOptions {
  /** Members of the fallback queue: user ids, in order; they are made active now (see addQueueMembers). */
  members?: string[];
  /** Further queues, by key, with their members' user ids. */
  queues?: Record<string, string[]>;
  /** Rules in order: conditions and the key of the queue in `queues`. */
  rules?: { conditions: RoutingCondition[]; queue: string }[];
  distributionMode?: 'push' | 'pick';
  language?: WhatsAppLanguage;
  automatedMessages?: AutomatedMessage[];
  customersCanSend?: boolean;
  /** The account's numbers; the first is bound to the workstream. Default: one fresh number. */
  numbers?: string[];
  /** The Twilio account's credentials. Default: a new Account SID and auth token. */
  credentials?: { accountSid: string; authToken: string };
  /** Leave the number without a WhatsApp setup (no workstream). */
  withoutWorkstream?: boolean;
}

export interface Channel {
  account: WhatsAppAccount;
  authToken: string;
  /** The business number the workstream is bound to. */
  number: string;
  fallbackQueue: Queue;
  queues: Record<string, Queue>;
  workstream: Workstream | null;
}

/**
 * A WhatsApp channel set up through the API as an administrator would: queues, an
 * account with its numbers, a workstream with its WhatsApp setup, and routing rules.
 */
export async function createChannel(server: TestServer, adminFetch: FetchAs, options: ChannelOptions = {}): Promise<Channel> {
  const id = unique();
  const newQueue = async (name: string, memberIds: string[]) => {
    const queue = await call<Queue>(server, adminFetch, 'POST', '/api/queues', { name, type: 'messaging', priority: 5, memberIds: [], operatingHours: null });
    await addQueueMembers(server, queue.id, memberIds);
    return queue;
  };
  const fallbackQueue = await newQueue(`Fallback ${id}`, options.members ?? []);
  const queues: Record<string, Queue> = {};
  for (const [key, members] of Object.entries(options.queues ?? {})) queues[key] = await newQueue(`${key} ${id}`, members);
  const { accountSid, authToken } = options.credentials ?? { accountSid: newAccountSid(), authToken: newAuthToken() };
  const numbers = options.numbers ?? [freshNumber()];
  const account = await call<WhatsAppAccount>(server, adminFetch, 'POST', '/api/whatsapp-accounts', {
    name: `Account ${id}`,
    channel: 'whatsapp',
    accountSid,
    authToken,
    numbers: numbers.map((number, i) => ({ name: `Number ${i + 1}`, number })),
  });
  if (options.withoutWorkstream) return { account, authToken, number: numbers[0]!, fallbackQueue, queues, workstream: null };

  const created = await call<Workstream>(server, adminFetch, 'POST', '/api/workstreams', {
    name: `Workstream ${id}`,
    type: 'messaging',
    channel: 'whatsapp',
    distributionMode: options.distributionMode ?? 'pick',
    fallbackQueueId: fallbackQueue.id,
    capacity: { mode: 'unit', value: 2 },
    blockCapacityForWrapUp: false,
    allowedPresences: ['available'],
    skillMatching: 'none',
    keepSameAgent: true,
    advanced: { notificationTemplate: 'messagingIncoming', contextVariables: [], quickReplies: [] },
  });
  const workstream = await call<Workstream>(server, adminFetch, 'PUT', `/api/workstreams/${created.id}/whatsapp`, {
    version: created.version,
    numberId: account.numbers[0]!.id,
    language: options.language ?? 'en',
    automatedMessages: options.automatedMessages ?? [],
    survey: { mode: 'off' },
    attachments: { customersCanSend: options.customersCanSend ?? true, agentsCanSend: true },
  });
  if (options.rules?.length) {
    const ruleSet = await call<RoutingRuleSet>(server, adminFetch, 'GET', `/api/workstreams/${workstream.id}/routing-rules`);
    await call(server, adminFetch, 'PUT', `/api/workstreams/${workstream.id}/routing-rules`, {
      version: ruleSet.version,
      rules: options.rules.map((rule, i) => ({ name: `Rule ${i + 1}`, conditions: rule.conditions, queueId: queues[rule.queue]!.id })),
    });
  }
  return { account, authToken, number: numbers[0]!, fallbackQueue, queues, workstream };
}
