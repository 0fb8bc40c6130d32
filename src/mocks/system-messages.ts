import type { NoteCode } from '@/api/contract/conversation';
import type { AutomatedMessageTrigger } from '@/api/contract/whatsapp-setup';
import { agentAssignedText, automatedMessageFor } from '@/domain/automated-messages';
import { replyWindow } from '@/domain/conversation-window';
import { noteSentence, type NoteParams } from '@/domain/work-distribution/notes';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import type { MockData, StoredConversation, StoredMessage, StoredUser, StoredWorkstream } from './db';
import { newId } from './ids';

/** An outbound message written by the channel itself (greeting, survey, refusals); delivered like any other. */
export function automatedMessage(conversationId: string, body: string, createdAt: string): StoredMessage {
  return {
    id: newId(),
    conversationId,
    direction: 'outbound',
    author: 'automated',
    authorName: null,
    body,
    template: null,
    media: [],
    status: 'pending',
    errorCode: null,
    note: null,
    twilioSid: null,
    createdAt,
  };
}

/** A note for agents only: never sent, so it has no delivery to simulate. */
export function noteMessage(conversationId: string, code: NoteCode, params: NoteParams, createdAt: string): StoredMessage {
  return {
    id: newId(),
    conversationId,
    direction: 'note',
    author: 'system',
    authorName: null,
    body: noteSentence(code, params),
    template: null,
    media: [],
    status: 'note',
    errorCode: null,
    note: { code, params },
    twilioSid: null,
    createdAt,
  };
}

/** The automated message configured for a trigger in a language, else the first one configured; null when there is none. */
export function automatedText(workstream: StoredWorkstream | undefined, trigger: AutomatedMessageTrigger, language: WhatsAppLanguage): string | null {
  return automatedMessageFor(workstream?.whatsapp?.automatedMessages ?? [], trigger, language);
}

/**
 * An automated message the channel has for this trigger, written while the 24-hour window is
 * open, else a note that it was skipped (a free-form message would fail at Twilio). Answers
 * the message written, or null when the channel has no such message.
 */
function automatedOrSkipped(
  draft: MockData,
  conversation: StoredConversation,
  trigger: 'agentAssigned' | 'outOfHours',
  text: (configured: string) => string,
  skipped: { code: NoteCode; params: NoteParams },
  now: Date,
): StoredMessage | null {
  const workstream = draft.workstreams.find((w) => w.id === conversation.workstreamId);
  const configured = automatedText(workstream, trigger, conversation.language);
  if (configured === null) return null;
  const at = now.toISOString();
  const message = replyWindow(conversation.lastInboundAt, now).open
    ? automatedMessage(conversation.id, text(configured), at)
    : noteMessage(conversation.id, skipped.code, skipped.params, at);
  draft.messages.push(message);
  return message;
}

/** Tells the customer who took the conversation ("agent assigned", {{agent}} their name), or notes that it could not. */
export function announceAssignment(draft: MockData, conversation: StoredConversation, agent: StoredUser, now: Date): StoredMessage | null {
  const skipped = { code: 'agentAssignedSkipped', params: { agent: agent.name } } as const;
  return automatedOrSkipped(draft, conversation, 'agentAssigned', (text) => agentAssignedText(text, agent.name), skipped, now);
}

/** The out-of-hours message of a conversation whose queue is closed, or the note that it could not go. */
export function announceOutOfHours(draft: MockData, conversation: StoredConversation, queueName: string, now: Date): StoredMessage | null {
  return automatedOrSkipped(draft, conversation, 'outOfHours', (text) => text, { code: 'outOfHoursSkipped', params: { queue: queueName } }, now);
}
