import { messagePreview } from '@/domain/message-preview';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Conversation, MediaUpload, SendMessage } from '@/api/contract/conversation';
import type { FieldError } from '@/api/contract/problem';
import { capacityFullDetail, fieldError, problemDetails, withBotDetail } from '@/api/contract/problem-bodies';
import { replyWindow } from '@/domain/conversation-window';
import { surveyMessage } from '@/domain/survey-message';
import { renderTemplate, variableCount } from '@/domain/template-variables';
import { hasRoomFor } from '@/domain/work-distribution/capacity';
import type { ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { conversations, messageMedia, messages, messageTemplates, outbox, workstreams, type SentTemplate } from '../db/schema';
import { isUuid } from '../db/uuid';
import { assignConversation, lockAssignments, publishAssigned } from './assignment';
import { queueAutomatedMessage } from './automated-messages';
import { publishConversationChange } from './conversation-events';
import { conversationView, lockConversation, messageView, type ConversationRow, type Viewer } from './conversation-views';
import { refuse } from './refused';
import { agentStanding } from './routing-state';
import { rulesWithoutWorkstream } from '@/domain/work-distribution/assignment';

type Context = Pick<ServerContext, 'db' | 'now' | 'events' | 'wakeOutbox' | 'assignment'>;
type Log = { warn(object: object, message: string): void };
type Agent = Viewer & { name: string };


async function agentsCanSend(db: Queryable, row: Pick<ConversationRow, 'workstreamId'>): Promise<boolean> {
  if (!row.workstreamId) return false;
  const [workstream] = await db.select({ whatsapp: workstreams.whatsapp }).from(workstreams).where(eq(workstreams.id, row.workstreamId));
  return workstream?.whatsapp?.attachments.agentsCanSend ?? false;
}

interface Prepared {
  body: string;
  template: SentTemplate | null;
  mediaId: string | null;
}

/**
 * The checks a message must pass beyond its shape, in the mock's order: its fields (all at
 * once), then a closed conversation, then the 24-hour window for anything free-form.
 */
async function prepareMessage(tx: Queryable, row: ConversationRow, input: SendMessage, now: Date): Promise<Prepared> {
  if (input.kind === 'text') {
    const [upload] = input.mediaId
      ? await tx
          .select({ id: messageMedia.id })
          .from(messageMedia)
          .where(and(eq(messageMedia.id, input.mediaId), eq(messageMedia.conversationId, row.id), isNull(messageMedia.messageId), isNotNull(messageMedia.data)))
      : [];
    const errors: FieldError[] = [];
    if (input.body.trim() === '' && !input.mediaId) errors.push(fieldError('body', 'reply.required'));
    if (input.mediaId && !upload) errors.push(fieldError('mediaId', 'media.unknown'));
    if (input.mediaId && !(await agentsCanSend(tx, row))) errors.push(fieldError('mediaId', 'media.notAllowed'));
    if (errors.length > 0) throw refuse.validation(errors);
    if (row.status === 'closed') throw refuse.conversationClosed();
    if (!replyWindow(row.lastInboundAt, now, row.windowClosedByTwilioAt).open) throw refuse.windowClosed();
    return { body: input.body, template: null, mediaId: upload?.id ?? null };
  }

  const [template] = isUuid(input.templateId) ? await tx.select().from(messageTemplates).where(eq(messageTemplates.id, input.templateId)) : [];
  if (!template) throw refuse.validation([fieldError('templateId', 'template.required')]);
  const errors: FieldError[] = [];
  if (template.accountId !== row.accountId) errors.push(fieldError('templateId', 'template.wrongAccount'));
  // Twilio sends a template by its Content SID: an approved one without it cannot go.
  if (template.status !== 'approved' || !template.contentSid) errors.push(fieldError('templateId', 'template.notApproved'));
  if (input.variables.length !== variableCount(template.body)) errors.push(fieldError('variables', 'variables.count'));
  if (errors.length > 0) throw refuse.validation(errors);
  if (row.status === 'closed') throw refuse.conversationClosed();
  return {
    body: renderTemplate(template.body, input.variables),
    template: { templateId: template.id, name: template.name, contentSid: template.contentSid, variables: input.variables },
    mediaId: null,
  };
}

/** An agent's reply (text, a file, or a template), queued in the outbox. */
export async function sendMessage(context: Context, user: Agent, conversationId: string, input: SendMessage, log: Log) {
  const { db, now } = context;
  const messageId = await db.transaction(async (tx) => {
    const row = await lockConversation(tx, conversationId);
    if (!row) throw refuse.notFound('conversation');
    const moment = now();
    const prepared = await prepareMessage(tx, row, input, moment);
    const at = moment.toISOString();
    const [message] = await tx
      .insert(messages)
      .values({
        conversationId: row.id,
        direction: 'outbound',
        author: 'agent',
        authorId: user.id,
        authorName: user.name,
        body: prepared.body,
        template: prepared.template,
        status: 'pending',
        createdAt: at,
        statusUpdatedAt: at,
      })
      .returning({ id: messages.id });
    if (prepared.mediaId) {
      const linked = await tx
        .update(messageMedia)
        .set({ messageId: message!.id, position: 0 })
        .where(and(eq(messageMedia.id, prepared.mediaId), isNull(messageMedia.messageId)))
        .returning({ id: messageMedia.id });
      // Sent with another message in the meantime.
      if (linked.length === 0) throw refuse.validation([fieldError('mediaId', 'media.unknown')]);
    }
    await tx.insert(outbox).values({ messageId: message!.id, nextAttemptAt: at, createdAt: at });
    await tx
      .update(conversations)
      .set({ lastMessageAt: at, lastMessagePreview: messagePreview(prepared.body, prepared.mediaId !== null), waitingForReply: false, version: row.version + 1 })
      .where(eq(conversations.id, row.id));
    return message!.id;
  });
  context.wakeOutbox();
  await publishConversationChange(context, conversationId, [messageId], log);
  return messageView(db, messageId);
}

/**
 * Pick mode: the agent takes a waiting conversation if they have room (under the assignment lock,
 * so that a pass cannot fill the same room meanwhile), and the customer hears who took it.
 */
export async function acceptConversation(context: Context, user: Agent, conversationId: string, version: number, log: Log): Promise<Conversation | undefined> {
  const { db } = context;
  const moment = context.now();
  const assigned = await db.transaction(async (tx) => {
    await lockAssignments(tx);
    const row = await lockConversation(tx, conversationId);
    if (!row) throw refuse.notFound('conversation');
    if (row.status === 'closed') throw refuse.conversationClosed();
    if (row.assigneeId !== null && row.assigneeId !== user.id) throw refuse.conversationTaken();
    if (row.version !== version) throw refuse.versionConflict('conversation');
    if (row.botActive) throw refuse.conflict(withBotDetail, []);
    if (row.assigneeId === user.id) {
      await tx.update(conversations).set({ version: row.version + 1 }).where(eq(conversations.id, row.id));
      return [];
    }
    const standing = await agentStanding(tx, user.id, moment);
    const rule = standing?.rulesOf(row.workstreamId) ?? rulesWithoutWorkstream(row.workstreamId);
    if (!standing || !hasRoomFor(standing.load, standing.agent.capacity, rule.id, rule)) throw refuse.conflict(capacityFullDetail, []);
    const done = await assignConversation(tx, row.id, user.id, moment);
    return done ? [done] : [];
  });
  if (assigned.length > 0) await publishAssigned(context, assigned, log);
  else await publishConversationChange(context, conversationId, [], log);
  return conversationView(db, conversationId, context.now());
}

/** Closes the conversation, with the workstream's survey while the window is open. */
export async function closeConversation(context: Context, conversationId: string, version: number, log: Log): Promise<Conversation | undefined> {
  const { db, now } = context;
  const surveyId = await db.transaction(async (tx) => {
    const row = await lockConversation(tx, conversationId);
    if (!row) throw refuse.notFound('conversation');
    if (row.status === 'closed') throw refuse.conflict(problemDetails.conversationClosedAlready, []);
    if (row.version !== version) throw refuse.versionConflict('conversation');
    const moment = now();
    const at = moment.toISOString();
    const [workstream] = row.workstreamId ? await tx.select({ whatsapp: workstreams.whatsapp }).from(workstreams).where(eq(workstreams.id, row.workstreamId)) : [];
    // Outside the window a free-form survey cannot go: it is skipped rather than failing at Twilio.
    const survey = workstream?.whatsapp && replyWindow(row.lastInboundAt, moment, row.windowClosedByTwilioAt).open ? surveyMessage(workstream.whatsapp.survey, row.language) : null;
    const sentId = survey ? await queueAutomatedMessage(tx, row.id, survey, moment) : null;
    await tx
      .update(conversations)
      .set({
        status: 'closed',
        closedAt: at,
        waitingForReply: false,
        version: row.version + 1,
        ...(survey ? { lastMessageAt: at, lastMessagePreview: messagePreview(survey, false) } : {}),
      })
      .where(eq(conversations.id, row.id));
    return sentId;
  });
  if (surveyId) context.wakeOutbox();
  await publishConversationChange(context, conversationId, surveyId ? [surveyId] : [], log);
  // The agent's room is free (after wrap-up, if the workstream blocks it): someone waiting may get it.
  await context.assignment.request();
  return conversationView(db, conversationId, context.now());
}

/** A file an agent uploads for a reply; it waits until a message takes it. */
export async function storeUpload(
  { db, now }: Context,
  user: Agent,
  conversationId: string,
  file: { contentType: string; filename: string | null; bytes: Buffer },
): Promise<MediaUpload> {
  const [row] = await db
    .insert(messageMedia)
    .values({
      conversationId,
      contentType: file.contentType,
      filename: file.filename,
      size: file.bytes.length,
      data: file.bytes,
      uploadedBy: user.id,
      createdAt: now().toISOString(),
    })
    .returning({ id: messageMedia.id, filename: messageMedia.filename, size: messageMedia.size });
  return { id: row!.id, contentType: file.contentType, size: row!.size ?? file.bytes.length, filename: row!.filename };
}
