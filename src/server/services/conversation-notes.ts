import { eq } from 'drizzle-orm';
import type { NoteCode } from '@/api/contract/conversation';
import { agentAssignedAnnouncement, outOfHoursAnnouncement, type Announcement } from '@/domain/automated-messages';
import { noteSentence, type NoteParams } from '@/domain/work-distribution/notes';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import type { Queryable } from '../db/database';
import { messages, workstreams } from '../db/schema';
import { queueAutomatedMessage } from './automated-messages';

/**
 * A note in the conversation for the agents: never sent, never in the outbox, and it changes
 * neither the list's preview nor "waiting for reply".
 */
export async function writeNote(tx: Queryable, conversationId: string, code: NoteCode, params: NoteParams, now: Date): Promise<string> {
  const at = now.toISOString();
  const [row] = await tx
    .insert(messages)
    .values({ conversationId, direction: 'note', author: 'system', body: noteSentence(code, params), note: { code, params }, status: 'note', createdAt: at, statusUpdatedAt: at })
    .returning({ id: messages.id });
  return row!.id;
}

export interface Written {
  messageId: string;
  /** An outbox row was written: wake the outbox after the commit. */
  queuedOutbound: boolean;
}

interface ConversationForMessage {
  id: string;
  workstreamId: string | null;
  language: WhatsAppLanguage;
  lastInboundAt: string | null;
  windowClosedByTwilioAt: string | null;
}

async function setupOf(tx: Queryable, workstreamId: string | null) {
  if (workstreamId === null) return null;
  const [row] = await tx.select({ whatsapp: workstreams.whatsapp }).from(workstreams).where(eq(workstreams.id, workstreamId));
  return row?.whatsapp ?? null;
}

/** An announcement written: queued in the outbox to be sent, or as a note. */
async function write(tx: Queryable, conversationId: string, announcement: Announcement | null, now: Date): Promise<Written | null> {
  if (announcement === null) return null;
  if (announcement.kind === 'note') return { messageId: await writeNote(tx, conversationId, announcement.code, announcement.params, now), queuedOutbound: false };
  return { messageId: await queueAutomatedMessage(tx, conversationId, announcement.body, now), queuedOutbound: true };
}

async function contextOf(tx: Queryable, conversation: ConversationForMessage, now: Date) {
  const setup = await setupOf(tx, conversation.workstreamId);
  return { configured: setup?.automatedMessages ?? [], language: conversation.language, lastInboundAt: conversation.lastInboundAt, windowClosedByTwilioAt: conversation.windowClosedByTwilioAt ?? null, now };
}

/** Tells the customer who took the conversation ("agent assigned"), or notes that it could not. */
export async function announceAssignee(tx: Queryable, conversation: ConversationForMessage, agentName: string, now: Date): Promise<Written | null> {
  return write(tx, conversation.id, agentAssignedAnnouncement(await contextOf(tx, conversation, now), agentName), now);
}

/** The out-of-hours message of a conversation whose queue is closed, or the note that it could not go. */
export async function announceOutOfHours(tx: Queryable, conversation: ConversationForMessage, queueName: string, now: Date): Promise<Written | null> {
  return write(tx, conversation.id, outOfHoursAnnouncement(await contextOf(tx, conversation, now), queueName), now);
}
