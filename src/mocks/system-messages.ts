import type { NoteCode } from '@/api/contract/conversation';
import { noteBody, type NoteParams } from '@/api/contract/note-bodies';
import type { AutomatedMessageTrigger } from '@/api/contract/whatsapp-setup';
import { replyWindow } from '@/domain/conversation-window';
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
    body: noteBody(code, params),
    template: null,
    media: [],
    status: 'note',
    errorCode: null,
    note: { code, params: Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)) },
    twilioSid: null,
    createdAt,
  };
}

/** The automated message configured for a trigger in a language, else the first one configured; null when there is none. */
export function automatedText(workstream: StoredWorkstream | undefined, trigger: AutomatedMessageTrigger, language: string): string | null {
  const texts = workstream?.whatsapp?.automatedMessages.filter((m) => m.trigger === trigger) ?? [];
  return (texts.find((m) => m.language === language) ?? texts[0])?.text ?? null;
}

/**
 * Writes the "agent assigned" message of a conversation just given to an agent, with their
 * name for {{agent}}; outside the 24-hour window a note says it was skipped. Answers the
 * message written, or null when the workstream has no such message.
 */
export function announceAssignment(draft: MockData, conversation: StoredConversation, agent: StoredUser, now: Date): StoredMessage | null {
  const workstream = draft.workstreams.find((w) => w.id === conversation.workstreamId);
  const text = automatedText(workstream, 'agentAssigned', conversation.language);
  if (text === null) return null;
  const at = now.toISOString();
  const message = replyWindow(conversation.lastInboundAt, now).open
    ? automatedMessage(conversation.id, text.replaceAll('{{agent}}', agent.name), at)
    : noteMessage(conversation.id, 'agentAssignedSkipped', { agent: agent.name }, at);
  draft.messages.push(message);
  return message;
}
