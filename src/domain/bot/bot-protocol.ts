/**
 * What the admin center and a workstream's bot say to each other (docs/bot-api.md). The
 * contract's zod schemas check these shapes at the edges; the domain works with the types.
 */
export const BOT_API_VERSION = 1;
/** A bot that has not answered within this time has failed the turn: agents take over. */
export const BOT_TIMEOUT_MS = 5000;
export const MAX_BOT_MESSAGES_PER_ANSWER = 5;
export const DEFAULT_BOT_MAX_TURNS = 10;
export const MAX_BOT_MAX_TURNS = 50;
/** A request whose timestamp is further from the bot's clock than this is to be refused (replay). */
export const BOT_SIGNATURE_TOLERANCE_SECONDS = 300;
export const BOT_SIGNATURE_HEADER = 'x-admin-center-signature';
export const BOT_TIMESTAMP_HEADER = 'x-admin-center-timestamp';

export interface BotRequest {
  version: typeof BOT_API_VERSION;
  /** Unique per delivery of a customer's message; a retried delivery keeps it, so a bot can drop repeats. */
  deliveryId: string;
  conversation: { id: string; workstreamId: string; language: string; turn: number };
  customer: { phone: string; name: string | null };
  message: { id: string; text: string; media: { id: string; contentType: string }[] };
  contextVariables: Record<string, string>;
}

export type BotMessage = { text: string } | { template: { name: string; variables?: string[] } };

export interface BotHandoff {
  /** A queue's id or name; unknown or absent: the workstream's routing rules decide. */
  queue?: string;
  variables?: Record<string, string | number | boolean>;
  /** Why, in the bot's words, shown to agents (at most 200 characters). */
  reason?: string;
}

export interface BotAnswer {
  messages?: BotMessage[];
  handoff?: BotHandoff;
}

/**
 * Why a conversation left the bot: it asked to hand over, or it failed a turn (too slow,
 * unreachable, answered with an error or something that is not a bot answer, or went on too long),
 * or the workstream's bot was removed while the conversation was with it.
 */
export const handoffReasons = ['requested', 'timeout', 'unreachable', 'httpError', 'malformed', 'tooManyTurns', 'botRemoved'] as const;
export type HandoffReason = (typeof handoffReasons)[number];
