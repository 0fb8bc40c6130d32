import type { QueueCreateInput } from '@/api/contract/queue';
import type { WorkstreamCreateInput } from '@/api/contract/workstream';
import type { ScenarioHarness } from './harness';

/** A queue with no members that is always open, named uniquely within the run. */
export function plainQueueInput(harness: ScenarioHarness, name = `Queue ${harness.serial()}`): QueueCreateInput {
  return { name, type: 'messaging', priority: 5, members: [], operatingHours: null };
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
    advanced: {
      sessionTemplate: 'messagingDefault',
      notificationTemplate: 'messagingIncoming',
      contextVariables: [],
      smartAssist: false,
      quickReplies: false,
    },
    bot: null,
    ...overrides,
  };
}
