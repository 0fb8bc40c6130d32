import type { NoteCode } from './conversation';

/** Who and where a note names; each code uses some of them. */
export type NoteParams = Partial<Record<'agent' | 'queue' | 'by', string>>;

/**
 * A note's English sentence, kept as the message body (the UI words it from code and
 * params in the reader's language). Both backends write notes with it.
 */
export function noteBody(code: NoteCode, params: NoteParams): string {
  const agent = params.agent ?? 'the agent';
  const queue = params.queue ?? 'the queue';
  const by = params.by ?? 'Someone';
  switch (code) {
    case 'agentAssignedSkipped':
      return `${agent} took the conversation. The “agent assigned” message was not sent: the 24-hour window had closed.`;
    case 'outOfHoursSkipped':
      return 'The out-of-hours message was not sent: the 24-hour window had closed.';
    case 'transferredToQueue':
      return `${by} transferred the conversation to the queue ${queue}.`;
    case 'transferredToAgent':
      return `${by} transferred the conversation to ${agent}.`;
    case 'released':
      return `${by} released the conversation back to the queue ${queue}.`;
    case 'returnedToQueue':
      return `The conversation went back to the queue ${queue}: ${agent} was removed.`;
  }
}
