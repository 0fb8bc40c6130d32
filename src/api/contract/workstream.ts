import { z } from 'zod';
import { notificationTemplates } from '@/domain/notifications';
import { MAX_QUICK_REPLIES, MAX_QUICK_REPLY_TITLE, unknownQuickReplyVariables } from '@/domain/quick-replies';
import { whatsAppLanguages } from '@/domain/whatsapp-languages';
import { routablePresences } from '@/domain/work-distribution/presence';
import { botViewSchema } from './bot';
import { MAX_REPLY_LENGTH } from './conversation';
import { despiteOtherIssuesInArray, despiteOtherIssuesInObject, looseArray, looseProperty } from './despite-other-issues';
import { hasNoControlCharacterButLineBreaks, idField, requiredText, strictInputErrors, timestampField, versionField } from './fields';
import { whatsAppSetupSchema } from './whatsapp-setup';

export const distributionModes = ['push', 'pick'] as const;
export const capacityModes = ['unit', 'profile'] as const;
/** The presences a workstream may allow (an Offline agent never receives conversations). */
export const presences = routablePresences;
export const skillMatchings = ['exact', 'closest', 'none'] as const;
export { notificationTemplates };
export const variableTypes = ['text', 'number'] as const;
export const MAX_CONTEXT_VARIABLES = 50;

const VARIABLE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,49}$/;

export const workstreamNameField = requiredText(100, { required: 'name.required', tooLong: 'name.tooLong' });

const capacitySchema = z.strictObject(
  {
    mode: z.enum(capacityModes, { error: 'field.invalid' }),
    value: z.number({ error: 'capacity.range' }).int({ error: 'capacity.range' }).min(1, { error: 'capacity.range' }).max(1000, { error: 'capacity.range' }),
  },
  strictInputErrors,
);

const contextVariableSchema = z.strictObject(
  {
    name: z
      .string({ error: 'variableName.required' })
      .trim()
      .min(1, { error: 'variableName.required' })
      // A blank name is missing, not also malformed: one message per field. No abort, so
      // that duplicates among the other names are still reported in the same answer.
      .refine((name) => name === '' || VARIABLE_NAME.test(name), { error: 'variableName.invalid' }),
    type: z.enum(variableTypes, { error: 'field.invalid' }),
  },
  strictInputErrors,
);

const contextVariablesField = z
  .array(contextVariableSchema, { error: 'field.invalid' })
  .max(MAX_CONTEXT_VARIABLES, { error: 'variables.tooMany' })
  .superRefine((variables: unknown[], ctx) => {
    const seen = new Set<string>();
    variables.forEach((variable, index) => {
      const name = looseProperty(variable, 'name');
      if (typeof name !== 'string') return;
      const key = name.trim().toLowerCase();
      if (key === '') return; // already "required"
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'variableName.duplicate', path: [index, 'name'], input: name });
      seen.add(key);
    });
  }, despiteOtherIssuesInArray);

const quickReplyTextField = z
  .string({ error: 'quickReplyText.required' })
  .trim()
  .min(1, { error: 'quickReplyText.required' })
  .max(MAX_REPLY_LENGTH, { error: 'quickReplyText.tooLong' })
  .refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' });

const quickReplySchema = z.strictObject(
  {
    /** Kept when a reply is edited; a reply without one is new and gets an id. */
    id: idField.optional(),
    title: requiredText(MAX_QUICK_REPLY_TITLE, { required: 'quickReplyTitle.required', tooLong: 'quickReplyTitle.tooLong' }),
    body: quickReplyTextField,
    translations: z
      .array(z.strictObject({ language: z.enum(whatsAppLanguages, { error: 'language.invalid' }), body: quickReplyTextField }, strictInputErrors), { error: 'field.invalid' })
      .max(20, { error: 'field.invalid' })
      .default([]),
  },
  strictInputErrors,
);

const advancedSchema = z
  .strictObject(
    {
      notificationTemplate: z.enum(notificationTemplates, { error: 'field.invalid' }),
      contextVariables: contextVariablesField,
      quickReplies: z.array(quickReplySchema, { error: 'field.invalid' }).max(MAX_QUICK_REPLIES, { error: 'quickReplies.tooMany' }).default([]),
    },
    strictInputErrors,
  )
  .superRefine((advanced: unknown, ctx) => {
    // A variable the workstream does not have would reach the customer as "{{name}}".
    const names = looseArray(looseProperty(advanced, 'contextVariables')).flatMap((variable) => {
      const name = looseProperty(variable, 'name');
      return typeof name === 'string' ? [name.trim()] : [];
    });
    const checkVariables = (body: unknown, path: (string | number)[]) => {
      if (typeof body === 'string' && unknownQuickReplyVariables(body, names).length > 0) {
        ctx.addIssue({ code: 'custom', message: 'quickReply.unknownVariable', path: ['quickReplies', ...path], input: body });
      }
    };
    looseArray(looseProperty(advanced, 'quickReplies')).forEach((reply, index) => {
      checkVariables(looseProperty(reply, 'body'), [index, 'body']);
      const translations = looseArray(looseProperty(reply, 'translations'));
      const languages = translations.map((translation) => looseProperty(translation, 'language'));
      translations.forEach((translation, t) => {
        checkVariables(looseProperty(translation, 'body'), [index, 'translations', t, 'body']);
        const language = languages[t];
        if (typeof language === 'string' && language !== '' && languages.indexOf(language) !== t) {
          ctx.addIssue({ code: 'custom', message: 'quickReply.duplicateLanguage', path: ['quickReplies', index, 'translations', t, 'language'], input: language });
        }
      });
    });
  }, despiteOtherIssuesInObject);

const presencesField = z
  .array(z.enum(presences, { error: 'field.invalid' }), { error: 'presences.required' })
  .min(1, { error: 'presences.required' })
  .transform((values) => presences.filter((p) => values.includes(p)));

const minutesField = (max: number) =>
  z.number({ error: 'minutes.range' }).int({ error: 'minutes.range' }).min(1, { error: 'minutes.range' }).max(max, { error: 'minutes.range' });

export const MAX_WRAP_UP_MINUTES = 120;
export const MAX_SKILL_FALLBACK_MINUTES = 1440;
export const MAX_KEEP_SAME_AGENT_DAYS = 90;
export const workstreamDefaults = { wrapUpMinutes: 5, skillFallbackMinutes: 10, keepSameAgentDays: 7 } as const;

const fallbackQueueField = z.string({ error: 'queue.required' }).min(1, { error: 'queue.required' });

const editableFields = {
  name: workstreamNameField,
  fallbackQueueId: fallbackQueueField,
  capacity: capacitySchema,
  blockCapacityForWrapUp: z.boolean({ error: 'field.invalid' }),
  /** How long a closed conversation keeps holding its cost when blockCapacityForWrapUp is on. */
  wrapUpMinutes: minutesField(MAX_WRAP_UP_MINUTES),
  allowedPresences: presencesField,
  skillMatching: z.enum(skillMatchings, { error: 'field.invalid' }),
  /** With exact matching: minutes without a skilled agent before any eligible one may take it; null waits for skills. */
  skillFallbackMinutes: minutesField(MAX_SKILL_FALLBACK_MINUTES).nullable(),
  keepSameAgent: z.boolean({ error: 'field.invalid' }),
  /** How many days after the previous conversation a returning customer goes back to its agent. */
  keepSameAgentDays: z
    .number({ error: 'days.range' })
    .int({ error: 'days.range' })
    .min(1, { error: 'days.range' })
    .max(MAX_KEEP_SAME_AGENT_DAYS, { error: 'days.range' }),
  advanced: advancedSchema,
};

export const workstreamCreateInputSchema = z.strictObject(
  {
    ...editableFields,
    // Optional on create, so a client that does not know them gets the defaults.
    wrapUpMinutes: editableFields.wrapUpMinutes.default(workstreamDefaults.wrapUpMinutes),
    skillFallbackMinutes: editableFields.skillFallbackMinutes.default(workstreamDefaults.skillFallbackMinutes),
    keepSameAgentDays: editableFields.keepSameAgentDays.default(workstreamDefaults.keepSameAgentDays),
    type: z.literal('messaging', { error: 'field.invalid' }),
    channel: z.literal('whatsapp', { error: 'channel.unsupported' }),
    distributionMode: z.enum(distributionModes, { error: 'field.invalid' }),
  },
  strictInputErrors,
);

export const workstreamUpdateInputSchema = z.strictObject(
  {
    version: versionField,
    name: editableFields.name.optional(),
    fallbackQueueId: editableFields.fallbackQueueId.optional(),
    capacity: editableFields.capacity.optional(),
    blockCapacityForWrapUp: editableFields.blockCapacityForWrapUp.optional(),
    wrapUpMinutes: editableFields.wrapUpMinutes.optional(),
    allowedPresences: editableFields.allowedPresences.optional(),
    skillMatching: editableFields.skillMatching.optional(),
    skillFallbackMinutes: editableFields.skillFallbackMinutes.optional(),
    keepSameAgent: editableFields.keepSameAgent.optional(),
    keepSameAgentDays: editableFields.keepSameAgentDays.optional(),
    advanced: editableFields.advanced.optional(),
    /** Accepted only when unchanged: the mode is fixed once the workstream exists. */
    distributionMode: z.enum(distributionModes, { error: 'field.invalid' }).optional(),
  },
  strictInputErrors,
);

export const workstreamSchema = z.object({
  id: idField,
  name: z.string(),
  type: z.literal('messaging'),
  channel: z.literal('whatsapp'),
  distributionMode: z.enum(distributionModes),
  fallbackQueueId: idField,
  fallbackQueueName: z.string(),
  capacity: z.object({ mode: z.enum(capacityModes), value: z.number().int() }),
  blockCapacityForWrapUp: z.boolean(),
  wrapUpMinutes: z.number().int(),
  allowedPresences: z.array(z.enum(presences)),
  skillMatching: z.enum(skillMatchings),
  skillFallbackMinutes: z.number().int().nullable(),
  keepSameAgent: z.boolean(),
  keepSameAgentDays: z.number().int(),
  advanced: z.object({
    notificationTemplate: z.enum(notificationTemplates),
    contextVariables: z.array(z.object({ name: z.string(), type: z.enum(variableTypes) })),
    quickReplies: z.array(
      z.object({ id: idField, title: z.string(), body: z.string(), translations: z.array(z.object({ language: z.enum(whatsAppLanguages), body: z.string() })) }),
    ),
  }),
  /** Set and removed through PUT/DELETE /api/workstreams/:id/bot; the secret is never shown. */
  bot: botViewSchema.nullable(),
  /** The "Set up WhatsApp" result; null until it is done. */
  whatsapp: whatsAppSetupSchema.nullable(),
  routingRuleCount: z.number().int().nonnegative(),
  createdAt: timestampField,
  updatedAt: timestampField,
  version: versionField,
});

export const workstreamListSchema = z.object({ items: z.array(workstreamSchema) });

export type Workstream = z.infer<typeof workstreamSchema>;
export type WorkstreamCreateInput = z.input<typeof workstreamCreateInputSchema>;
export type WorkstreamCreate = z.output<typeof workstreamCreateInputSchema>;
export type WorkstreamUpdateInput = z.input<typeof workstreamUpdateInputSchema>;
export type WorkstreamUpdate = z.output<typeof workstreamUpdateInputSchema>;
export type DistributionMode = Workstream['distributionMode'];
export type Presence = (typeof presences)[number];
