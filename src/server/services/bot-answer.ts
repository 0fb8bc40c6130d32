import { botAnswerSchema } from '@/api/contract/bot';
import type { BotAnswer, HandoffReason } from '@/domain/bot/bot-protocol';
import type { BotReply } from './bot-request';

export type BotOutcome = { kind: 'answer'; answer: BotAnswer } | { kind: 'failed'; reason: HandoffReason; detail: string };

const MAX_DETAIL = 200;

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * What a bot's reply means for the conversation: a 2xx with a valid answer is the answer; anything
 * else hands over, with a detail that says what was wrong (the path and the rule, never the text).
 */
export function interpretBotReply(reply: BotReply): BotOutcome {
  if (reply.kind === 'failed') return reply;
  if (reply.status < 200 || reply.status > 299) return { kind: 'failed', reason: 'httpError', detail: `HTTP ${reply.status}` };
  const json = parseJson(reply.text);
  if (!json.ok) return { kind: 'failed', reason: 'malformed', detail: 'the answer is not JSON' };
  const parsed = botAnswerSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the answer';
    return { kind: 'failed', reason: 'malformed', detail: `${where}: ${issue.message}`.slice(0, MAX_DETAIL) };
  }
  return { kind: 'answer', answer: parsed.data };
}
