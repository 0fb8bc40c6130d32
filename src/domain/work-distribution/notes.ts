import type { HandoffReason } from '../bot/bot-protocol';

/**
 * The system's notes in a conversation: an automated message skipped because the 24-hour
 * window was closed, a transfer, a release. Params name who and where (agent, queue, by).
 */
export const noteCodes = ['agentAssignedSkipped', 'outOfHoursSkipped', 'transferredToQueue', 'transferredToAgent', 'released', 'returnedToQueue', 'botHandedOver'] as const;
export type NoteCode = (typeof noteCodes)[number];

export type NoteParams = Record<string, string>;

const sentences: Record<NoteCode, (p: NoteParams) => string> = {
  agentAssignedSkipped: (p) => `Assigned to ${p.agent}. The “agent assigned” message was not sent: the 24-hour window is closed.`,
  outOfHoursSkipped: (p) => `${p.queue} is closed now. The out-of-hours message was not sent: the 24-hour window is closed.`,
  transferredToQueue: (p) => `${p.by} transferred the conversation to ${p.queue}.`,
  transferredToAgent: (p) => `${p.by} transferred the conversation to ${p.agent}.`,
  released: (p) => `${p.by} released the conversation back to ${p.queue}.`,
  returnedToQueue: (p) => `${p.agent} was removed: the conversation went back to ${p.queue}.`,
  botHandedOver: (p) => `${p.bot} handed the conversation to agents in ${p.queue}: ${handoffReasonSentences[p.reason as HandoffReason] ?? p.reason}${p.detail ? ` (${p.detail})` : ''}.`,
};

/** Why a bot handed over, in English (the UI words it in the reader's language from the code). */
export const handoffReasonSentences: Record<HandoffReason, string> = {
  requested: 'the bot asked for an agent',
  timeout: 'the bot did not answer within 5 seconds',
  unreachable: 'the bot could not be reached',
  httpError: 'the bot answered with an error',
  malformed: 'the bot’s answer was not valid',
  tooManyTurns: 'the bot reached its limit of turns',
  botRemoved: 'the workstream’s bot was removed',
};

/** A note's English sentence, the body every note carries; readers in other languages use its code and params. */
export function noteSentence(code: NoteCode, params: NoteParams): string {
  return sentences[code](params);
}
