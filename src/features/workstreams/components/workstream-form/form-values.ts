import { z } from 'zod';
import {
  workstreamCreateInputSchema,
  workstreamDefaults,
  workstreamUpdateInputSchema,
  type Workstream,
  type WorkstreamCreate,
  type WorkstreamCreateInput,
  type WorkstreamUpdateInput,
} from '@/api/contract/workstream';

const { shape } = workstreamCreateInputSchema;
// The update schema has the three timing fields without the create schema's defaults.
const timing = workstreamUpdateInputSchema.shape;
const wrapUpMinutesField = timing.wrapUpMinutes.unwrap();
const skillFallbackMinutesField = timing.skillFallbackMinutes.unwrap();
const keepSameAgentDaysField = timing.keepSameAgentDays.unwrap();

type Timing = { blockCapacityForWrapUp?: unknown; wrapUpMinutes?: unknown; skillMatching?: unknown; skillFallbackMinutes?: unknown; keepSameAgent?: unknown; keepSameAgentDays?: unknown };

/**
 * A timing field counts only while the setting it belongs to is on (it is hidden
 * otherwise): then it is checked with the contract's rule; hidden, a value that would not
 * pass is sent as the default, so a second thought cannot block saving.
 */
function checkShown(values: Timing, ctx: z.RefinementCtx) {
  const shown: [keyof Timing, boolean, z.ZodType][] = [
    ['wrapUpMinutes', values.blockCapacityForWrapUp === true, wrapUpMinutesField],
    ['skillFallbackMinutes', values.skillMatching === 'exact', skillFallbackMinutesField],
    ['keepSameAgentDays', values.keepSameAgent === true, keepSameAgentDaysField],
  ];
  for (const [key, isShown, field] of shown) {
    if (!isShown) continue;
    const result = field.safeParse(values[key]);
    if (!result.success) ctx.addIssue({ code: 'custom', path: [key], message: result.error.issues[0]?.message ?? 'field.invalid', input: values[key] });
  }
}

function orDefault<T>(field: z.ZodType<T>, value: unknown, fallback: T): T {
  const result = field.safeParse(value);
  return result.success ? result.data : fallback;
}

/** Typed into a number input, so held as text; checked by the contract once it is a number. */
const capacityValueField = z
  .string()
  .trim()
  .min(1, { error: 'capacity.range' })
  .transform(Number)
  .pipe(shape.capacity.shape.value);

/**
 * The workstream form: the contract's fields in the order of the page (so the first error
 * found is the first one on screen), with capacity held as text, as people type it. The bot is
 * not here: it has its own form on the workstream's page (bot-card.tsx).
 */
export const workstreamFormSchema = z
  .object({
    name: shape.name,
    distributionMode: shape.distributionMode,
    fallbackQueueId: shape.fallbackQueueId,
    capacity: z.object({ mode: shape.capacity.shape.mode, value: capacityValueField }),
    blockCapacityForWrapUp: shape.blockCapacityForWrapUp,
    // Checked by checkShown, with the rest of the form, whatever else is wrong.
    wrapUpMinutes: z.number().or(z.nan()),
    allowedPresences: shape.allowedPresences,
    skillMatching: shape.skillMatching,
    skillFallbackMinutes: z.number().or(z.nan()).nullable(),
    keepSameAgent: shape.keepSameAgent,
    keepSameAgentDays: z.number().or(z.nan()),
    advanced: shape.advanced,
  })
  // Runs even when other fields failed, so that every error shows at once.
  .superRefine(
    (values, ctx) => {
      checkShown(values as Timing, ctx);
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((values) => ({
    ...values,
    wrapUpMinutes: orDefault(wrapUpMinutesField, values.wrapUpMinutes, workstreamDefaults.wrapUpMinutes),
    skillFallbackMinutes: orDefault(skillFallbackMinutesField, values.skillFallbackMinutes, workstreamDefaults.skillFallbackMinutes),
    keepSameAgentDays: orDefault(keepSameAgentDaysField, values.keepSameAgentDays, workstreamDefaults.keepSameAgentDays),
  }));

export type WorkstreamFormValues = z.input<typeof workstreamFormSchema>;
export type WorkstreamFormOutput = z.output<typeof workstreamFormSchema>;

/** Where a new workstream starts: the reference's defaults for messaging. */
export const newWorkstreamValues: WorkstreamFormValues = {
  name: '',
  distributionMode: 'push',
  fallbackQueueId: '',
  capacity: { mode: 'unit', value: '1' },
  blockCapacityForWrapUp: false,
  wrapUpMinutes: workstreamDefaults.wrapUpMinutes,
  allowedPresences: ['available', 'busy'],
  skillMatching: 'closest',
  skillFallbackMinutes: workstreamDefaults.skillFallbackMinutes,
  keepSameAgent: true,
  keepSameAgentDays: workstreamDefaults.keepSameAgentDays,
  advanced: {
    notificationTemplate: 'messagingIncoming',
    contextVariables: [],
    quickReplies: [],
  },
};

export function workstreamValues(workstream: Workstream): WorkstreamFormValues {
  return {
    name: workstream.name,
    distributionMode: workstream.distributionMode,
    fallbackQueueId: workstream.fallbackQueueId,
    capacity: { mode: workstream.capacity.mode, value: String(workstream.capacity.value) },
    blockCapacityForWrapUp: workstream.blockCapacityForWrapUp,
    wrapUpMinutes: workstream.wrapUpMinutes,
    allowedPresences: [...workstream.allowedPresences],
    skillMatching: workstream.skillMatching,
    skillFallbackMinutes: workstream.skillFallbackMinutes,
    keepSameAgent: workstream.keepSameAgent,
    keepSameAgentDays: workstream.keepSameAgentDays,
    advanced: {
      notificationTemplate: workstream.advanced.notificationTemplate,
      contextVariables: workstream.advanced.contextVariables.map((v) => ({ ...v })),
      quickReplies: workstream.advanced.quickReplies.map((reply) => ({ ...reply, translations: reply.translations.map((tr) => ({ ...tr })) })),
    },
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
  return /^(name|fallbackQueueId|distributionMode|capacity\.value|wrapUpMinutes|skillFallbackMinutes|keepSameAgentDays|allowedPresences|advanced\.contextVariables(\.\d+\.name)?|advanced\.quickReplies\.\d+\.(title|body|translations\.\d+\.(language|body)))$/.test(path);
}
