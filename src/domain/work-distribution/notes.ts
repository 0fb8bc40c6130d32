/**
 * The system's notes in a conversation: an automated message skipped because the 24-hour
 * window was closed, a transfer, a release. Params name who and where (agent, queue, by).
 */
export const noteCodes = ['agentAssignedSkipped', 'outOfHoursSkipped', 'transferredToQueue', 'transferredToAgent', 'released', 'returnedToQueue'] as const;
export type NoteCode = (typeof noteCodes)[number];

export type NoteParams = Record<string, string>;

const sentences: Record<NoteCode, (p: NoteParams) => string> = {
  agentAssignedSkipped: (p) => `Assigned to ${p.agent}. The “agent assigned” message was not sent: the 24-hour window is closed.`,
  outOfHoursSkipped: (p) => `${p.queue} is closed now. The out-of-hours message was not sent: the 24-hour window is closed.`,
  transferredToQueue: (p) => `${p.by} transferred the conversation to ${p.queue}.`,
  transferredToAgent: (p) => `${p.by} transferred the conversation to ${p.agent}.`,
  released: (p) => `${p.by} released the conversation back to ${p.queue}.`,
  returnedToQueue: (p) => `${p.agent} was removed: the conversation went back to ${p.queue}.`,
};

/** A note's English sentence, the body every note carries; readers in other languages use its code and params. */
export function noteSentence(code: NoteCode, params: NoteParams): string {
  return sentences[code](params);
}
