import type { NoteCode } from '@/api/contract/conversation';
import type { AutomatedMessageTrigger } from '@/api/contract/whatsapp-setup';
import { agentAssignedAnnouncement, automatedMessageFor, outOfHoursAnnouncement, type Announcement } from '@/domain/automated-messages';
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

/** An announcement written into the conversation: a message to deliver, or a note. */
function write(draft: MockData, conversation: StoredConversation, announcement: Announcement | null, now: Date): StoredMessage | null {
  if (announcement === null) return null;
  const at = now.toISOString();
  const message = announcement.kind === 'send' ? automatedMessage(conversation.id, announcement.body, at) : noteMessage(conversation.id, announcement.code, announcement.params, at);
  draft.messages.push(message);
  return message;
}

function contextOf(draft: MockData, conversation: StoredConversation, now: Date) {
  const workstream = draft.workstreams.find((w) => w.id === conversation.workstreamId);
  return { configured: workstream?.whatsapp?.automatedMessages ?? [], language: conversation.language, lastInboundAt: conversation.lastInboundAt, windowClosedByTwilioAt: conversation.windowClosedByTwilioAt ?? null, now };
}

/** Tells the customer who took the conversation ("agent assigned", {{agent}} their name), or notes that it could not. */
export function announceAssignment(draft: MockData, conversation: StoredConversation, agent: StoredUser, now: Date): StoredMessage | null {
  return write(draft, conversation, agentAssignedAnnouncement(contextOf(draft, conversation, now), agent.name), now);
}

/** The out-of-hours message of a conversation whose queue is closed, or the note that it could not go. */
export function announceOutOfHours(draft: MockData, conversation: StoredConversation, queueName: string, now: Date): StoredMessage | null {
  return write(draft, conversation, outOfHoursAnnouncement(contextOf(draft, conversation, now), queueName), now);
}
