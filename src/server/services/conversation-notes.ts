import { eq } from 'drizzle-orm';
import type { NoteCode } from '@/api/contract/conversation';
import { agentAssignedText, automatedMessageFor } from '@/domain/automated-messages';
import { replyWindow } from '@/domain/conversation-window';
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
}

async function setupOf(tx: Queryable, workstreamId: string | null) {
  if (workstreamId === null) return null;
  const [row] = await tx.select({ whatsapp: workstreams.whatsapp }).from(workstreams).where(eq(workstreams.id, workstreamId));
  return row?.whatsapp ?? null;
}

/**
 * An automated message the channel has for this trigger: queued while the 24-hour window is
 * open, else a note that it was skipped (a free-form message would fail at Twilio). Null when
 * the channel has no such message.
 */
async function automatedOrSkipped(
  tx: Queryable,
  conversation: ConversationForMessage,
  trigger: 'agentAssigned' | 'outOfHours',
  text: (configured: string) => string,
  skipped: { code: NoteCode; params: NoteParams },
  now: Date,
): Promise<Written | null> {
  const setup = await setupOf(tx, conversation.workstreamId);
  const configured = setup ? automatedMessageFor(setup.automatedMessages, trigger, conversation.language) : null;
  if (configured === null) return null;
  if (!replyWindow(conversation.lastInboundAt, now).open) {
    return { messageId: await writeNote(tx, conversation.id, skipped.code, skipped.params, now), queuedOutbound: false };
  }
  return { messageId: await queueAutomatedMessage(tx, conversation.id, text(configured), now), queuedOutbound: true };
}

/** Tells the customer who took the conversation ("agent assigned"), or notes that it could not. */
export function announceAssignee(tx: Queryable, conversation: ConversationForMessage, agentName: string, now: Date): Promise<Written | null> {
  return automatedOrSkipped(tx, conversation, 'agentAssigned', (text) => agentAssignedText(text, agentName), { code: 'agentAssignedSkipped', params: { agent: agentName } }, now);
}

/** The out-of-hours message of a conversation whose queue is closed, or the note that it could not go. */
export function announceOutOfHours(tx: Queryable, conversation: ConversationForMessage, queueName: string, now: Date): Promise<Written | null> {
  return automatedOrSkipped(tx, conversation, 'outOfHours', (text) => text, { code: 'outOfHoursSkipped', params: { queue: queueName } }, now);
}
