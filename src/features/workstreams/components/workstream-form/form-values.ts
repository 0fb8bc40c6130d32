import { z } from 'zod';
import {
  workstreamCreateInputSchema,
  type Workstream,
  type WorkstreamCreate,
  type WorkstreamCreateInput,
  type WorkstreamUpdateInput,
} from '@/api/contract/workstream';

const { shape } = workstreamCreateInputSchema;

/** Typed into a number input, so held as text; checked by the contract once it is a number. */
const capacityValueField = z
  .string()
  .trim()
  .min(1, { error: 'capacity.range' })
  .transform(Number)
  .pipe(shape.capacity.shape.value);

const botField = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false), name: z.string(), firstToBot: z.boolean() }).transform(() => null),
  z
    .object({ enabled: z.literal(true), name: shape.bot.unwrap().shape.name, firstToBot: z.boolean() })
    .transform(({ name, firstToBot }) => ({ name, firstToBot })),
]);

/**
 * The workstream form: the contract's fields in the order of the page (so the first error
 * found is the first one on screen), with the two that people type differently: capacity
 * as text, and the bot as a switch with its fields.
 */
export const workstreamFormSchema = z.object({
  name: shape.name,
  distributionMode: shape.distributionMode,
  fallbackQueueId: shape.fallbackQueueId,
  capacity: z.object({ mode: shape.capacity.shape.mode, value: capacityValueField }),
  blockCapacityForWrapUp: shape.blockCapacityForWrapUp,
  allowedPresences: shape.allowedPresences,
  skillMatching: shape.skillMatching,
  keepSameAgent: shape.keepSameAgent,
  bot: botField,
  advanced: shape.advanced,
});

export type WorkstreamFormValues = z.input<typeof workstreamFormSchema>;
export type WorkstreamFormOutput = z.output<typeof workstreamFormSchema>;

/** Where a new workstream starts: the reference's defaults for messaging. */
export const newWorkstreamValues: WorkstreamFormValues = {
  name: '',
  distributionMode: 'push',
  fallbackQueueId: '',
  capacity: { mode: 'unit', value: '1' },
  blockCapacityForWrapUp: false,
  allowedPresences: ['available', 'busy'],
  skillMatching: 'closest',
  keepSameAgent: true,
  bot: { enabled: false, name: '', firstToBot: true },
  advanced: {
    sessionTemplate: 'messagingDefault',
    notificationTemplate: 'messagingIncoming',
    contextVariables: [],
    smartAssist: false,
    quickReplies: false,
  },
};

export function workstreamValues(workstream: Workstream): WorkstreamFormValues {
  return {
    name: workstream.name,
    distributionMode: workstream.distributionMode,
    fallbackQueueId: workstream.fallbackQueueId,
    capacity: { mode: workstream.capacity.mode, value: String(workstream.capacity.value) },
    blockCapacityForWrapUp: workstream.blockCapacityForWrapUp,
    allowedPresences: [...workstream.allowedPresences],
    skillMatching: workstream.skillMatching,
    keepSameAgent: workstream.keepSameAgent,
    bot: workstream.bot ? { enabled: true, ...workstream.bot } : { enabled: false, name: '', firstToBot: true },
    advanced: { ...workstream.advanced, contextVariables: workstream.advanced.contextVariables.map((v) => ({ ...v })) },
  };
}

export function toCreateInput(values: WorkstreamFormOutput): WorkstreamCreateInput {
  return { ...values, type: 'messaging', channel: 'whatsapp' } satisfies WorkstreamCreate;
}

/** Everything the form edits, except the distribution mode, which is fixed. */
export function toUpdateInput(values: WorkstreamFormOutput, version: number): WorkstreamUpdateInput {
  const { distributionMode: _fixed, ...editable } = values;
  return { ...editable, version };
}

/** Server paths that a field of this form shows (the rest is shown above the form). */
export function isFormPath(path: string): boolean {
  return /^(name|fallbackQueueId|distributionMode|capacity\.value|allowedPresences|bot\.name|advanced\.contextVariables(\.\d+\.name)?)$/.test(path);
}
