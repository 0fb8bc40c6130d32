import { z } from 'zod';
import { botInputSchema, type BotInput, type BotView } from '@/api/contract/bot';
import { DEFAULT_BOT_MAX_TURNS } from '@/domain/bot/bot-protocol';

const { shape } = botInputSchema;
const secretField = shape.secret.unwrap();

/**
 * The secret is write-only: an empty box keeps the stored one, so it is required only while
 * the workstream has no bot. Anything typed is checked by the contract's rule.
 */
function secretBox(required: boolean) {
  return z.string().transform((raw, ctx) => {
    if (raw.trim() === '') {
      if (!required) return undefined;
      ctx.addIssue({ code: 'custom', message: 'botSecret.required', input: raw });
      return z.NEVER;
    }
    const parsed = secretField.safeParse(raw);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'field.invalid', input: raw });
    return z.NEVER;
  });
}

/** The bot's form: the contract's fields, with the secret as a box that may stay empty. */
export function botFormSchema(secretRequired: boolean) {
  return z.object({
    name: shape.name,
    url: shape.url,
    secret: secretBox(secretRequired),
    firstToBot: shape.firstToBot,
    maxTurns: shape.maxTurns.unwrap(),
  });
}

export type BotFormValues = z.input<ReturnType<typeof botFormSchema>>;
export type BotFormOutput = z.output<ReturnType<typeof botFormSchema>>;

export function botValues(bot: BotView | null): BotFormValues {
  if (!bot) return { name: '', url: '', secret: '', firstToBot: true, maxTurns: DEFAULT_BOT_MAX_TURNS };
  return { name: bot.name, url: bot.url, secret: '', firstToBot: bot.firstToBot, maxTurns: bot.maxTurns };
}

export function toBotInput({ secret, ...rest }: BotFormOutput, version: number): BotInput {
  return { ...rest, ...(secret === undefined ? {} : { secret }), version };
}

/** Server paths a field of the bot's form shows. */
export function isBotFormPath(path: string): boolean {
  return /^(name|url|secret|maxTurns)$/.test(path);
}
