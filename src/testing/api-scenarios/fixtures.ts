import type { QueueCreateInput } from '@/api/contract/queue';
import type { WorkstreamCreateInput } from '@/api/contract/workstream';
import type { ScenarioBackend, ScenarioHarness } from './harness';

/** A queue with no members that is always open, named uniquely within the run. */
export function plainQueueInput(harness: ScenarioHarness, name = `Queue ${harness.serial()}`): QueueCreateInput {
  return { name, type: 'messaging', priority: 5, memberIds: [], operatingHours: null };
}

/** A valid messaging workstream on WhatsApp, named uniquely within the run; overrides win. */
export function workstreamInput(
  harness: ScenarioHarness,
  fallbackQueueId: string,
  overrides: Partial<WorkstreamCreateInput> = {},
): WorkstreamCreateInput {
  return {
    name: `Workstream ${harness.serial()}`,
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
    ...overrides,
  };
}

/**
 * An account whose number is set up on a push workstream, and one customer's conversation
 * on it, started by the backend's simulated customer (the caller checks `simulateInbound`).
 */
export async function conversationWithCustomer(
  harness: ScenarioHarness,
  backend: ScenarioBackend,
  attachments: { customersCanSend: boolean; agentsCanSend: boolean } = { customersCanSend: true, agentsCanSend: true },
) {
  const api = harness.client;
  const account = await api.accounts.create({
    name: `Account ${harness.serial()}`,
    channel: 'whatsapp',
    accountSid: harness.newSid(),
    authToken: harness.newToken(),
    numbers: [{ name: 'Support', number: harness.newNumber() }],
  });
  const number = account.numbers[0]!;
  const queue = await api.queues.create(plainQueueInput(harness));
  const created = await api.workstreams.create(workstreamInput(harness, queue.id));
  await api.workstreams.setUpWhatsApp(created.id, {
    version: created.version,
    numberId: number.id,
    language: 'en',
    automatedMessages: [],
    survey: { mode: 'off' },
    attachments,
  });
  const phone = `+4477009${String(harness.serial()).padStart(5, '0')}`;
  const customer = (body: string) => backend.simulateInbound!({ accountId: account.id, from: phone, to: number.number, body, profileName: 'Maria Customer' });
  await customer('Hello, can you help?');
  const conversation = (await api.conversations.list()).items.find((c) => c.customer.phone === phone);
  if (!conversation) throw new Error(`No conversation of ${phone} after the customer wrote.`);
  return { account, number, queue, conversation, customer };
}
