import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  conversationActionInputSchema,
  sendMessageInputSchema,
  type Conversation,
  type MediaUpload,
  type SendMessage,
} from '@/api/contract/conversation';
import type { FieldError } from '@/api/contract/problem';
import {
  conflictBody,
  conversationClosedBody,
  conversationTakenBody,
  fieldError,
  mediaProblemBody,
  problemDetails,
  windowClosedBody,
} from '@/api/contract/problem-bodies';
import { replyWindow } from '@/domain/conversation-window';
import { checkMedia, isAcceptedMediaType, MAX_IMAGE_BYTES, MAX_MEDIA_BYTES, normalizeMediaType, uploadFilename } from '@/domain/media-rules';
import { surveyMessage } from '@/domain/survey-message';
import { renderTemplate, variableCount } from '@/domain/template-variables';
import type { ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { conversations, messageMedia, messages, messageTemplates, outbox, workstreams, type SentTemplate } from '../db/schema';
import { isUuid, parseBody, pathId } from '../http/input';
import { HttpProblem, problems } from '../http/problem';
import { queueAutomatedMessage } from '../services/automated-messages';
import {
  audienceOf,
  conversationView,
  lockConversation,
  messageView,
  messageViews,
  visibleConversation,
  type ConversationRow,
  type Viewer,
} from '../services/conversation-views';

const PREVIEW_LENGTH = 160;

/** The list's preview of an outbound message: its text, or a paper clip for a file alone. */
function previewOf(body: string, hasMedia: boolean): string {
  const text = Array.from(body.trim()).slice(0, PREVIEW_LENGTH).join('');
  return text !== '' ? text : hasMedia ? '📎' : '';
}

const viewerOf = (request: FastifyRequest): Viewer & { name: string } => request.session!.user;

/**
 * The file's name travels URI-encoded in a header, as the API client sends it. Control
 * characters are dropped: a NUL cannot be stored (PostgreSQL text), and none belongs in a name.
 */
function filenameOf(request: FastifyRequest): string | null {
  const raw = request.headers['x-filename'];
  return uploadFilename(typeof raw === 'string' ? raw : null);
}

const contentTypeOf = (request: FastifyRequest) => normalizeMediaType(String(request.headers['content-type'] ?? ''));
const sizeLimitOf = (type: string) => (type.startsWith('image/') ? MAX_IMAGE_BYTES : MAX_MEDIA_BYTES);
const tooLargeCode = (type: string): 'media.imageTooLarge' | 'media.tooLarge' => (type.startsWith('image/') ? 'media.imageTooLarge' : 'media.tooLarge');

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
    if (errors.length > 0) throw problems.validation(errors);
    if (row.status === 'closed') throw new HttpProblem(conversationClosedBody());
    if (!replyWindow(row.lastInboundAt, now).open) throw new HttpProblem(windowClosedBody());
    return { body: input.body, template: null, mediaId: upload?.id ?? null };
  }

  const [template] = isUuid(input.templateId) ? await tx.select().from(messageTemplates).where(eq(messageTemplates.id, input.templateId)) : [];
  if (!template) throw problems.validation([fieldError('templateId', 'template.required')]);
  const errors: FieldError[] = [];
  if (template.accountId !== row.accountId) errors.push(fieldError('templateId', 'template.wrongAccount'));
  // Twilio sends a template by its Content SID: an approved one without it cannot go.
  if (template.status !== 'approved' || !template.contentSid) errors.push(fieldError('templateId', 'template.notApproved'));
  if (input.variables.length !== variableCount(template.body)) errors.push(fieldError('variables', 'variables.count'));
  if (errors.length > 0) throw problems.validation(errors);
  if (row.status === 'closed') throw new HttpProblem(conversationClosedBody());
  return {
    body: renderTemplate(template.body, input.variables),
    template: { templateId: template.id, name: template.name, contentSid: template.contentSid, variables: input.variables },
    mediaId: null,
  };
}

/** Agents' actions on a conversation they can see: reply, attach a file, accept, close. */
export function conversationActionRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;

  const visibleOrNotFound = async (request: FastifyRequest): Promise<Conversation> => {
    const id = pathId(request.params, 'id', 'conversation');
    const conversation = await visibleConversation(db, viewerOf(request), id);
    if (!conversation) throw problems.notFound('conversation');
    return conversation;
  };

  /** Live events once the change has committed; a failure to publish does not undo it. */
  const publish = async (request: FastifyRequest, conversationId: string, messageIds: string[]) => {
    try {
      const conversation = await conversationView(db, conversationId);
      if (!conversation) return;
      const audience = audienceOf(conversation);
      for (const message of await messageViews(db, messageIds)) await context.events.publish({ event: { type: 'message', message }, audience });
      await context.events.publish({ event: { type: 'conversation', conversation }, audience });
    } catch (error) {
      request.log.warn({ err: { type: (error as Error).name } }, 'live event not published');
    }
  };

  return async (app) => {
    app.post('/conversations/:id/messages', { config: { access: 'signedIn' } }, async (request, reply) => {
      const visible = await visibleOrNotFound(request);
      const input = parseBody(sendMessageInputSchema, request.body);
      const user = viewerOf(request);
      const messageId = await db.transaction(async (tx) => {
        const row = await lockConversation(tx, visible.id);
        if (!row) throw problems.notFound('conversation');
        const now = context.now();
        const prepared = await prepareMessage(tx, row, input, now);
        const at = now.toISOString();
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
          if (linked.length === 0) throw problems.validation([fieldError('mediaId', 'media.unknown')]);
        }
        await tx.insert(outbox).values({ messageId: message!.id, nextAttemptAt: at, createdAt: at });
        await tx
          .update(conversations)
          .set({ lastMessageAt: at, lastMessagePreview: previewOf(prepared.body, prepared.mediaId !== null), waitingForReply: false, version: row.version + 1 })
          .where(eq(conversations.id, row.id));
        return message!.id;
      });
      context.wakeOutbox();
      await publish(request, visible.id, [messageId]);
      return reply.status(201).header('location', `/api/conversations/${visible.id}/messages`).send(await messageView(db, messageId));
    });

    app.post('/conversations/:id/accept', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      const { version } = parseBody(conversationActionInputSchema, request.body);
      const user = viewerOf(request);
      await db.transaction(async (tx) => {
        const row = await lockConversation(tx, visible.id);
        if (!row) throw problems.notFound('conversation');
        if (row.status === 'closed') throw new HttpProblem(conversationClosedBody());
        if (row.assigneeId !== null && row.assigneeId !== user.id) throw new HttpProblem(conversationTakenBody());
        if (row.version !== version) throw problems.versionConflict('conversation');
        await tx.update(conversations).set({ assigneeId: user.id, version: row.version + 1 }).where(eq(conversations.id, row.id));
      });
      await publish(request, visible.id, []);
      return conversationView(db, visible.id);
    });

    app.post('/conversations/:id/close', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      const { version } = parseBody(conversationActionInputSchema, request.body);
      const surveyId = await db.transaction(async (tx) => {
        const row = await lockConversation(tx, visible.id);
        if (!row) throw problems.notFound('conversation');
        if (row.status === 'closed') throw new HttpProblem(conflictBody(problemDetails.conversationClosedAlready, []));
        if (row.version !== version) throw problems.versionConflict('conversation');
        const now = context.now();
        const at = now.toISOString();
        const [workstream] = row.workstreamId ? await tx.select({ whatsapp: workstreams.whatsapp }).from(workstreams).where(eq(workstreams.id, row.workstreamId)) : [];
        // Outside the window a free-form survey cannot go: it is skipped rather than failing at Twilio.
        const survey = workstream?.whatsapp && replyWindow(row.lastInboundAt, now).open ? surveyMessage(workstream.whatsapp.survey, row.language) : null;
        const sentId = survey ? await queueAutomatedMessage(tx, row.id, survey, now) : null;
        await tx
          .update(conversations)
          .set({
            status: 'closed',
            closedAt: at,
            waitingForReply: false,
            version: row.version + 1,
            ...(survey ? { lastMessageAt: at, lastMessagePreview: previewOf(survey, false) } : {}),
          })
          .where(eq(conversations.id, row.id));
        return sentId;
      });
      if (surveyId) context.wakeOutbox();
      await publish(request, visible.id, surveyId ? [surveyId] : []);
      return conversationView(db, visible.id);
    });

    // The upload's own scope: its raw body parser applies to this route only.
    await app.register(async (scope) => {
      const checked = new WeakMap<FastifyRequest, { conversation: Conversation; contentType: string }>();

      scope.addContentTypeParser('*', (request, payload, done) => {
        const contentType = contentTypeOf(request);
        const limit = sizeLimitOf(contentType);
        const chunks: Buffer[] = [];
        let size = 0;
        let finished = false;
        const finish = (error: Error | null, body?: Buffer) => {
          if (finished) return;
          finished = true;
          done(error, body);
        };
        payload.on('data', (chunk: Buffer) => {
          if (finished) return;
          size += chunk.length;
          // Stops keeping the bytes at the limit: a chunked upload cannot make the server buffer more.
          if (size > limit) finish(new HttpProblem(mediaProblemBody(tooLargeCode(contentType))));
          else chunks.push(chunk);
        });
        payload.on('end', () => finish(null, Buffer.concat(chunks)));
        payload.on('error', (error) => finish(error));
      });

      scope.post(
        '/conversations/:id/media',
        {
          config: { access: 'signedIn' },
          bodyLimit: MAX_MEDIA_BYTES,
          // Everything that can be refused is refused from the headers, before the body is read.
          onRequest: async (request) => {
            const conversation = await visibleOrNotFound(request);
            if (!conversation.attachments.agentsCanSend) throw problems.validation([fieldError('file', 'media.notAllowed')]);
            const contentType = contentTypeOf(request);
            if (!isAcceptedMediaType(contentType)) throw new HttpProblem(mediaProblemBody('media.type'));
            const declared = Number(request.headers['content-length'] ?? NaN);
            if (declared > sizeLimitOf(contentType)) throw new HttpProblem(mediaProblemBody(tooLargeCode(contentType)));
            checked.set(request, { conversation, contentType });
          },
        },
        async (request, reply) => {
          const { conversation, contentType } = checked.get(request)!;
          const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const issue = checkMedia({ type: contentType, size: bytes.length });
          if (issue === 'media.empty') throw problems.validation([fieldError('file', 'media.empty')]);
          if (issue) throw new HttpProblem(mediaProblemBody(issue));
          const [row] = await db
            .insert(messageMedia)
            .values({
              conversationId: conversation.id,
              contentType,
              filename: filenameOf(request),
              size: bytes.length,
              data: bytes,
              uploadedBy: viewerOf(request).id,
              createdAt: context.now().toISOString(),
            })
            .returning({ id: messageMedia.id, filename: messageMedia.filename, size: messageMedia.size });
          const upload: MediaUpload = { id: row!.id, contentType, size: row!.size ?? bytes.length, filename: row!.filename };
          return reply.status(201).send(upload);
        },
      );
    });
  };
}
