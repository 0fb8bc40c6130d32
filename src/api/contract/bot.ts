import { z } from 'zod';
import { DEFAULT_BOT_MAX_TURNS, MAX_BOT_MAX_TURNS, MAX_BOT_MESSAGES_PER_ANSWER, BOT_API_VERSION, type BotAnswer, type BotRequest } from '@/domain/bot/bot-protocol';
import { parseBotUrl } from '@/domain/bot/bot-url';
import { hasNoControlCharacter, hasNoControlCharacterButLineBreaks, idField, requiredText, strictInputErrors, versionField } from './fields';

export const MIN_BOT_SECRET_LENGTH = 16;
export const MAX_BOT_SECRET_LENGTH = 200;
/** Twilio refuses a longer Body (error 21617); the same limit as an agent's reply. */
const MAX_BOT_TEXT = 1600;
const MAX_HANDOFF_VARIABLE_VALUE = 500;

const botUrlField = z.string({ error: 'botUrl.required' }).transform((raw, ctx) => {
  const parsed = parseBotUrl(raw);
  if (parsed.ok) return parsed.value.url;
  ctx.issues.push({ code: 'custom', message: parsed.error, input: raw });
  return z.NEVER;
});

/** Pasted secrets often carry a line break or spaces at the ends: those go; one inside is refused. */
const botSecretField = z
  .string({ error: 'botSecret.required' })
  .trim()
  .min(MIN_BOT_SECRET_LENGTH, { error: 'botSecret.tooShort' })
  .max(MAX_BOT_SECRET_LENGTH, { error: 'botSecret.tooLong' })
  .refine((secret) => /^[\x21-\x7e]+$/.test(secret), { error: 'botSecret.invalid' });

/**
 * PUT /api/workstreams/:id/bot. The secret is required the first time and optional after:
 * left out, the stored one stays.
 */
export const botInputSchema = z.strictObject(
  {
    version: versionField,
    name: requiredText(100, { required: 'botName.required', tooLong: 'botName.tooLong' }),
    url: botUrlField,
    secret: botSecretField.optional(),
    /** Whether new conversations reach the bot before any agent. */
    firstToBot: z.boolean({ error: 'field.invalid' }),
    maxTurns: z
      .number({ error: 'botTurns.range' })
      .int({ error: 'botTurns.range' })
      .min(1, { error: 'botTurns.range' })
      .max(MAX_BOT_MAX_TURNS, { error: 'botTurns.range' })
      .default(DEFAULT_BOT_MAX_TURNS),
  },
  strictInputErrors,
);

export const botViewSchema = z.object({
  name: z.string(),
  url: z.string(),
  firstToBot: z.boolean(),
  maxTurns: z.number().int(),
  /** The secret's last 4 characters, so an administrator can tell which one is set. */
  secretHint: z.string(),
  /** Plain HTTP to this machine: allowed for a bot under development, shown with a warning. */
  insecureUrl: z.boolean(),
});

export type BotInput = z.input<typeof botInputSchema>;
export type BotUpdate = z.output<typeof botInputSchema>;
export type BotView = z.infer<typeof botViewSchema>;

/** What the admin center POSTs to a bot (docs/bot-api.md). */
export const botRequestSchema = z.object({
  version: z.literal(BOT_API_VERSION),
  deliveryId: idField,
  conversation: z.object({ id: idField, workstreamId: idField, language: z.string(), turn: z.number().int().positive() }),
  customer: z.object({ phone: z.string(), name: z.string().nullable() }),
  message: z.object({ id: idField, text: z.string(), media: z.array(z.object({ id: idField, contentType: z.string() })) }),
  contextVariables: z.record(z.string(), z.string()),
}) satisfies z.ZodType<BotRequest>;

const botTextSchema = z
  .string()
  .min(1)
  .max(MAX_BOT_TEXT)
  .refine((text) => text.trim() !== '', { message: 'is blank' })
  // PostgreSQL cannot store NUL, and the other control characters show as nothing.
  .refine(hasNoControlCharacterButLineBreaks, { message: 'has a control character' });
const botWordsSchema = (max: number) => z.string().max(max).refine(hasNoControlCharacter, { message: 'has a control character' });
const MAX_HANDOFF_VARIABLES = 50;

const botMessageSchema = z.union([
  z.object({ text: botTextSchema }),
  z.object({ template: z.object({ name: botWordsSchema(512).min(1), variables: z.array(botWordsSchema(1024)).max(100).optional() }) }),
]);

/**
 * A bot's answer. Keys it does not know are ignored (a newer bot against an older admin
 * center); anything else that does not fit hands the conversation to agents.
 */
export const botAnswerSchema = z.object({
  messages: z.array(botMessageSchema).max(MAX_BOT_MESSAGES_PER_ANSWER).optional(),
  handoff: z
    .object({
      queue: botWordsSchema(200).min(1).optional(),
      variables: z
        .record(botWordsSchema(50), z.union([botWordsSchema(MAX_HANDOFF_VARIABLE_VALUE), z.number(), z.boolean()]))
        .refine((variables) => Object.keys(variables).length <= MAX_HANDOFF_VARIABLES, { message: `has more than ${MAX_HANDOFF_VARIABLES} variables` })
        .optional(),
      reason: botWordsSchema(200).optional(),
    })
    .optional(),
}) satisfies z.ZodType<BotAnswer>;
