import { messagePreview } from '@/domain/message-preview';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isOpenAt } from '@/domain/operating-hours';
import { isSandboxJoin } from '@/domain/sandbox-join';
import type { ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { botDeliveries, conversations, messageMedia, messages, queues, whatsappAccounts, workstreams } from '../db/schema';
import type { InboundParams } from '../twilio/webhook-params';
import { attachmentRefusal, greetingFor, queueAutomatedMessage } from './automated-messages';
import { announceOutOfHours, type Written } from './conversation-notes';
import { routeNewConversation, type WorkstreamRow } from './conversation-routing';
import { audienceOf, conversationView, messageViews, type ConversationRow } from './conversation-views';

export type InboundOutcome =
  | { kind: 'duplicate' }
  /** The customer joined the sandbox with no conversation open: nothing opens until they write. */
  | { kind: 'sandboxJoin'; firstInboundAt: string | null }
  | {
      kind: 'stored';
      conversationId: string;
      /** A new conversation was opened for this message. */
      created: boolean;
      /** The customer's message, then any automated answers, in order. */
      messageIds: string[];
      /** Set when this was the account's first inbound message ever (the sandbox checklist's live check). */
      firstInboundAt: string | null;
      /** Automated messages were written to the outbox. */
      queuedOutbound: boolean;
      /** The message waits for the workstream's bot: wake the bot worker. */
      queuedForBot: boolean;
    };

/** Thrown inside the transaction to undo it: the MessageSid was stored by another delivery of the same webhook. */
class AlreadyStored extends Error {}

const previewOf = (inbound: InboundParams) => messagePreview(inbound.body, inbound.media.length > 0);

async function openConversation(tx: Queryable, accountId: string, businessNumber: string, waId: string): Promise<ConversationRow | undefined> {
  // The account too: a number moved to another account must not continue (and answer with the credentials of) the old one's conversation.
  const [row] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.accountId, accountId),
        eq(conversations.businessNumber, businessNumber),
        eq(conversations.customerWaId, waId),
        eq(conversations.status, 'open'),
      ),
    )
    .for('update');
  return row;
}

async function workstreamById(tx: Queryable, id: string | null): Promise<WorkstreamRow | null> {
  if (id === null) return null;
  const [row] = await tx.select().from(workstreams).where(eq(workstreams.id, id));
  return row ?? null;
}

/** The workstream's bot when new conversations go to it first (and it has its secret to sign with). */
function firstBotOf(workstream: WorkstreamRow | null) {
  const bot = workstream?.settings.bot;
  return bot && bot.firstToBot && workstream.botSecretSealed !== null ? bot : null;
}

/**
 * The account's open conversation of (business number, customer), locked, or a new one routed by the
 * workstream. Two first messages at once meet at the partial unique index: the later insert
 * does nothing, and reads the conversation the other one opened.
 */
async function findOrOpenConversation(
  tx: Queryable,
  accountId: string,
  inbound: InboundParams,
  now: string,
): Promise<{ row: ConversationRow; workstream: WorkstreamRow | null; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const open = await openConversation(tx, accountId, inbound.to, inbound.waId);
    // The workstream of a continued conversation matters only for media (its attachment rule).
    if (open) return { row: open, workstream: inbound.media.length > 0 ? await workstreamById(tx, open.workstreamId) : null, created: false };

    const routing = await routeNewConversation(tx, accountId, inbound.to, { customerPhone: inbound.from, firstMessage: inbound.body });
    const bot = firstBotOf(routing.workstream);
    const [created] = await tx
      .insert(conversations)
      .values({
        accountId,
        businessNumber: inbound.to,
        workstreamId: routing.workstream?.id ?? null,
        queueId: routing.queueId,
        customerWaId: inbound.waId,
        customerPhone: inbound.from,
        profileName: inbound.profileName,
        language: routing.language,
        requiredSkills: routing.requiredSkills,
        botName: bot?.name ?? null,
        botActive: bot !== null,
        queuedAt: now,
        lastInboundAt: now,
        lastMessageAt: now,
        lastMessagePreview: previewOf(inbound),
        waitingForReply: true,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [conversations.accountId, conversations.businessNumber, conversations.customerWaId], where: sql`${conversations.status} = 'open'` })
      .returning();
    if (created) return { row: created, workstream: routing.workstream, created: true };
    // Another message opened it meanwhile (and may even have closed it again): read again.
  }
  throw new Error('Could not open or find the conversation after three attempts.');
}

/**
 * Stores a customer's message inside the inbound worker's transaction: the conversation
 * (found, or opened and routed), the message, its media, and the automated answers in the
 * outbox. A MessageSid stored before is a duplicate and changes nothing. `receivedAt` is when
 * the webhook came in (not when it is processed): the message's time and the reply window's start.
 */
export async function storeInbound(
  tx: Queryable,
  accountId: string,
  inbound: InboundParams,
  receivedAt: Date,
  /** The account had its first inbound message before: no need to try to note it. */
  accountHadInbound = false,
): Promise<InboundOutcome> {
  // A MessageSid stored before meets the unique index at the message's insert, which undoes the savepoint.
  const now = receivedAt.toISOString();
  try {
    // A savepoint: a duplicate found at the insert undoes only this message's changes.
    return await tx.transaction(async (sp) => {
      if (isSandboxJoin(inbound.to, inbound.body, inbound.media.length) && !(await openConversation(sp, accountId, inbound.to, inbound.waId))) {
        return { kind: 'sandboxJoin' as const, firstInboundAt: accountHadInbound ? null : await noteFirstInbound(sp, accountId, now) };
      }
      const { row: conversation, workstream, created } = await findOrOpenConversation(sp, accountId, inbound, now);

      const [message] = await sp
        .insert(messages)
        .values({
          conversationId: conversation.id,
          direction: 'inbound',
          author: 'customer',
          authorName: inbound.profileName,
          body: inbound.body,
          status: 'received',
          twilioSid: inbound.messageSid,
          createdAt: now,
          statusUpdatedAt: now,
        })
        .onConflictDoNothing({ target: messages.twilioSid })
        .returning({ id: messages.id });
      if (!message) throw new AlreadyStored();
      const messageIds = [message.id];
      const language = conversation.language;
      // In the message's own transaction: a message the bot has is never lost between here and the bot.
      if (conversation.botActive) await sp.insert(botDeliveries).values({ conversationId: conversation.id, messageId: message.id, createdAt: now });

      const mediaAllowed = workstream?.whatsapp?.attachments.customersCanSend !== false;
      if (inbound.media.length > 0 && mediaAllowed) {
        await sp.insert(messageMedia).values(
          inbound.media.map((media, position) => ({
            conversationId: conversation.id,
            messageId: message.id,
            position,
            contentType: media.contentType,
            twilioUrl: media.url,
            createdAt: now,
          })),
        );
      }

      const automated: string[] = [];
      if (created && workstream?.whatsapp) {
        const greeting = greetingFor(workstream.whatsapp.automatedMessages, language);
        if (greeting) automated.push(greeting);
      }
      if (inbound.media.length > 0 && !mediaAllowed) automated.push(attachmentRefusal(language));
      for (const body of automated) messageIds.push(await queueAutomatedMessage(sp, conversation.id, body, receivedAt));
      // With the bot, the customer hears of closed hours when it hands over, if it does.
      const outOfHours = created && !conversation.botActive ? await outOfHoursOnArrival(sp, conversation, receivedAt) : null;
      if (outOfHours) messageIds.push(outOfHours.messageId);

      if (!created) await noteNewerInbound(sp, conversation, inbound, now);

      const firstInboundAt = accountHadInbound ? null : await noteFirstInbound(sp, accountId, now);

      return {
        kind: 'stored' as const,
        conversationId: conversation.id,
        created,
        messageIds,
        firstInboundAt,
        queuedOutbound: automated.length > 0 || outOfHours?.queuedOutbound === true,
        queuedForBot: conversation.botActive,
      };
    });
  } catch (error) {
    if (error instanceof AlreadyStored) return { kind: 'duplicate' };
    throw error;
  }
}

/** The account's first inbound message ever, when this is it: the sandbox checklist's live check. */
async function noteFirstInbound(tx: Queryable, accountId: string, now: string): Promise<string | null> {
  const [first] = await tx
    .update(whatsappAccounts)
    .set({ firstInboundAt: now })
    .where(and(eq(whatsappAccounts.id, accountId), isNull(whatsappAccounts.firstInboundAt)))
    .returning({ at: whatsappAccounts.firstInboundAt });
  return first?.at ? new Date(first.at).toISOString() : null;
}

/**
 * A new conversation whose queue is closed now hears so once, after the greeting (its window has
 * just opened, so the message goes). The flag keeps a later transfer from sending it again.
 */
async function outOfHoursOnArrival(tx: Queryable, conversation: ConversationRow, receivedAt: Date): Promise<Written | null> {
  if (conversation.queueId === null) return null;
  const [queue] = await tx.select({ name: queues.name, operatingHours: queues.operatingHours }).from(queues).where(eq(queues.id, conversation.queueId));
  if (!queue || isOpenAt(queue.operatingHours, receivedAt)) return null;
  const written = await announceOutOfHours(tx, { ...conversation, lastInboundAt: receivedAt.toISOString() }, queue.name, receivedAt);
  if (written) await tx.update(conversations).set({ outOfHoursNotified: true }).where(eq(conversations.id, conversation.id));
  return written;
}

/**
 * The conversation's latest inbound time, preview and "waiting" flag. Two instances may store a
 * customer's messages out of order: the times only move forward, the preview is the newest message's.
 */
async function noteNewerInbound(tx: Queryable, conversation: ConversationRow, inbound: InboundParams, now: string): Promise<void> {
  const newer = sql`${now}::timestamptz >= ${conversations.lastMessageAt}`;
  await tx
    .update(conversations)
    .set({
      lastInboundAt: sql`greatest(${conversations.lastInboundAt}, ${now}::timestamptz)`,
      lastMessageAt: sql`greatest(${conversations.lastMessageAt}, ${now}::timestamptz)`,
      lastMessagePreview: sql`case when ${newer} then ${previewOf(inbound)} else ${conversations.lastMessagePreview} end`,
      waitingForReply: true,
      ...(inbound.profileName === null ? {} : { profileName: inbound.profileName }),
      version: conversation.version + 1,
    })
    .where(eq(conversations.id, conversation.id));
}

/** The live events of a stored inbound message; a failure to publish never undoes the stored message. */
export async function announceInbound(context: Pick<ServerContext, 'db' | 'events' | 'now'>, accountId: string, outcome: InboundOutcome): Promise<void> {
  if (outcome.kind === 'duplicate') return;
  try {
    if (outcome.firstInboundAt) {
      await context.events.publish({
        event: { type: 'sandbox', accountId, firstInboundAt: outcome.firstInboundAt },
        audience: { queueId: null, assigneeId: null },
      });
    }
    if (outcome.kind === 'sandboxJoin') return;
    const conversation = await conversationView(context.db, outcome.conversationId, context.now());
    if (!conversation) return;
    const audience = audienceOf(conversation);
    await context.events.publish({ event: { type: 'conversation', conversation }, audience });
    for (const message of await messageViews(context.db, outcome.messageIds)) {
      await context.events.publish({ event: { type: 'message', message }, audience });
    }
  } catch {
    // The agent view catches up on its next load; Twilio must still hear that the message is stored.
  }
}
