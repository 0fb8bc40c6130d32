import { http, HttpResponse, type HttpHandler } from 'msw';
import { z } from 'zod';
import {
  CONVERSATION_PAGE_SIZE,
  MESSAGE_PAGE_SIZE,
  conversationActionInputSchema,
  conversationQuerySchema,
  sendMessageInputSchema,
  type Conversation,
  type SendMessage,
} from '@/api/contract/conversation';
import type { Problem } from '@/api/contract/problem';
import {
  capacityFullBody,
  withBotBody,
  conflictBody,
  conversationClosedBody,
  conversationTakenBody,
  problemDetails,
  validationProblemBody,
  windowClosedBody,
} from '@/api/contract/problem-bodies';
import { strictInputErrors } from '@/api/contract/fields';
import { replyWindow } from '@/domain/conversation-window';
import { surveyMessage } from '@/domain/survey-message';
import { renderTemplate, variableCount } from '@/domain/template-variables';
import { hasRoomFor } from '@/domain/work-distribution/capacity';
import { runAssignmentPass } from '../assignment';
import type { ConversationRuntime } from '../conversation-runtime';
import {
  conversationPage,
  decodeCursor,
  messagePage,
  previewOf,
  signedInUser,
  toConversation,
  visibleConversation,
} from '../conversations-db';
import type { MockData, MockDb, StoredMessage, StoredUser } from '../db';
import { newId } from '../ids';
import { publishChanges } from '../live-changes';
import { badRequest, fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';
import { distributionRulesOf, loadOfUser } from '../routing-state';
import { announceAssignment, automatedMessage } from '../system-messages';

/** GET /api/conversations/:id/messages query string, as the server reads it. */
const messageQuerySchema = z.strictObject({ before: z.string().max(200, { error: 'field.invalid' }).optional() }, strictInputErrors);

/** A cursor this backend did not give out: the server's words. */
const badCursor = () => badRequest(problemDetails.unknownCursor);

/** What the survey of a closing conversation says, or null when the workstream sends none. */
function surveyText(data: Readonly<MockData>, workstreamId: string | null, language: Conversation['language']): string | null {
  const survey = data.workstreams.find((w) => w.id === workstreamId)?.whatsapp?.survey;
  return survey ? surveyMessage(survey, language) : null;
}

type ActionTarget = { ok: true; conversation: Conversation; version: number } | { ok: false; response: Response };

/** What accept and close begin with: a conversation the user sees, a valid body, and the conversation still open (else `closed`). */
async function actionTarget(data: Readonly<MockData>, user: StoredUser, id: string, request: Request, closed: Problem, now: Date): Promise<ActionTarget> {
  const conversation = visibleConversation(data, user, id, now);
  if (!conversation) return { ok: false, response: notFound('conversation') };
  const read = await readJson(request);
  if (!read.ok) return read;
  const parsed = conversationActionInputSchema.safeParse(read.body);
  if (!parsed.success) return { ok: false, response: validationProblem(parsed.error, read.body) };
  if (conversation.status === 'closed') return { ok: false, response: problem(closed) };
  return { ok: true, conversation, version: parsed.data.version };
}

type Checked = { ok: true; message: Omit<StoredMessage, 'id' | 'conversationId' | 'createdAt'>; mediaId: string | null } | { ok: false; response: Response };

/** The rules a message must meet beyond its shape: text or file, the window, an approved template of this account. */
function checkMessage(data: Readonly<MockData>, user: StoredUser, conversationId: string, input: SendMessage, now: Date): Checked {
  const conversation = data.conversations.find((c) => c.id === conversationId)!;
  const view = toConversation(data, conversation, now);
  const base = { direction: 'outbound', author: 'agent', authorName: user.name, status: 'pending', errorCode: null, note: null, twilioSid: null } as const;

  if (input.kind === 'text') {
    const upload = input.mediaId === undefined ? undefined : data.media.find((m) => m.id === input.mediaId);
    const errors = [
      ...(input.body.trim() === '' && input.mediaId === undefined ? [fieldError('body', 'reply.required')] : []),
      // Only an agent's upload of this conversation, not yet sent (a customer's attachment is no upload).
      ...(input.mediaId !== undefined && (!upload || upload.conversationId !== conversationId || upload.messageId !== null || upload.uploadedBy === null)
        ? [fieldError('mediaId', 'media.unknown')]
        : []),
      ...(input.mediaId !== undefined && !view.attachments.agentsCanSend ? [fieldError('mediaId', 'media.notAllowed')] : []),
    ];
    if (errors.length > 0) return { ok: false, response: problem(validationProblemBody(errors)) };
    if (conversation.status === 'closed') return { ok: false, response: problem(conversationClosedBody()) };
    if (!replyWindow(conversation.lastInboundAt, now, conversation.windowClosedByTwilioAt ?? null).open) return { ok: false, response: problem(windowClosedBody()) };
    const media = upload
      ? [{ id: upload.id, contentType: upload.contentType, url: `/api/media/${upload.id}`, filename: upload.filename, size: upload.size }]
      : [];
    return { ok: true, message: { ...base, body: input.body, template: null, media }, mediaId: upload?.id ?? null };
  }

  const template = data.templates.find((t) => t.id === input.templateId);
  const errors = !template
    ? [fieldError('templateId', 'template.required')]
    : [
        ...(template.accountId !== conversation.accountId ? [fieldError('templateId', 'template.wrongAccount')] : []),
        // Twilio sends a template by its Content SID: an approved one without it cannot go.
        ...(template.status !== 'approved' || !template.contentSid ? [fieldError('templateId', 'template.notApproved')] : []),
        ...(input.variables.length !== variableCount(template.body) ? [fieldError('variables', 'variables.count')] : []),
      ];
  if (errors.length > 0 || !template) return { ok: false, response: problem(validationProblemBody(errors)) };
  if (conversation.status === 'closed') return { ok: false, response: problem(conversationClosedBody()) };
  return {
    ok: true,
    message: {
      ...base,
      body: renderTemplate(template.body, input.variables),
      template: { templateId: template.id, name: template.name, contentSid: template.contentSid, variables: input.variables },
      media: [],
    },
    mediaId: null,
  };
}

export function conversationsHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  /** The session handler has already answered 401 when nobody is signed in. */
  const currentUser = () => signedInUser(db.data)!;
  const publishConversation = (id: string) => publishChanges(db, runtime, [id]);
  const visible = (user: StoredUser, id: string) => visibleConversation(db.data, user, id, runtime.now());

  return [
    http.get('/api/conversations', ({ request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const parsed = conversationQuerySchema.safeParse(params);
      if (!parsed.success) return validationProblem(parsed.error, params);
      const { cursor: rawCursor, limit, ...filters } = parsed.data;
      const cursor = rawCursor === undefined ? null : decodeCursor(rawCursor);
      if (rawCursor !== undefined && cursor === null) return badCursor();
      return HttpResponse.json(conversationPage(db.data, currentUser(), { ...filters, cursor, limit: limit ?? CONVERSATION_PAGE_SIZE }, runtime.now()));
    }),

    http.get('/api/conversations/:id', ({ params }) => {
      const conversation = visible(currentUser(), String(params.id));
      return conversation ? HttpResponse.json(conversation) : notFound('conversation');
    }),

    http.get('/api/conversations/:id/messages', ({ params, request }) => {
      const id = String(params.id);
      if (!visible(currentUser(), id)) return notFound('conversation');
      const searchParams = Object.fromEntries(new URL(request.url).searchParams);
      const query = messageQuerySchema.safeParse(searchParams);
      if (!query.success) return validationProblem(query.error, searchParams);
      const page = messagePage(db.data, id, query.data.before ?? null, MESSAGE_PAGE_SIZE);
      if (!page) return badCursor();
      return HttpResponse.json(page);
    }),

    http.post('/api/conversations/:id/messages', async ({ params, request }) => {
      const id = String(params.id);
      const user = currentUser();
      if (!visible(user, id)) return notFound('conversation');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = sendMessageInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const now = runtime.now();
      const checked = checkMessage(db.data, user, id, parsed.data, now);
      if (!checked.ok) return checked.response;

      const message = db.write((draft) => {
        const createdAt = now.toISOString();
        const stored: StoredMessage = { id: newId(), conversationId: id, createdAt, ...checked.message };
        draft.messages.push(stored);
        const upload = draft.media.find((m) => m.id === checked.mediaId);
        if (upload) upload.messageId = stored.id;
        const conversation = draft.conversations.find((c) => c.id === id)!;
        conversation.lastMessageAt = createdAt;
        conversation.lastMessagePreview = previewOf(stored.body, stored.media.length > 0);
        conversation.waitingForReply = false;
        conversation.version += 1;
        return stored;
      });
      runtime.publish({ type: 'message', message });
      publishConversation(id);
      runtime.deliver(message.id);
      return HttpResponse.json(message, { status: 201 });
    }),

    http.post('/api/conversations/:id/accept', async ({ params, request }) => {
      const id = String(params.id);
      const user = currentUser();
      const now = runtime.now();
      const target = await actionTarget(db.data, user, id, request, conversationClosedBody(), now);
      if (!target.ok) return target.response;
      const { conversation, version } = target;
      if (conversation.assigneeId !== null && conversation.assigneeId !== user.id) return problem(conversationTakenBody());
      if (conversation.version !== version) return versionConflict('conversation');
      if (conversation.bot?.active) return problem(withBotBody());
      const already = conversation.assigneeId === user.id;
      // Picking work is the agent's own choice, whatever their presence; room is still checked, as push does.
      const workstream = db.data.workstreams.find((w) => w.id === conversation.workstreamId);
      if (!already && workstream && !hasRoomFor(loadOfUser(db.data, user, now), user.capacity, workstream.id, distributionRulesOf(workstream))) {
        return problem(capacityFullBody());
      }
      const announced = db.write((draft) => {
        const stored = draft.conversations.find((c) => c.id === id)!;
        const agent = draft.users.find((u) => u.id === user.id)!;
        stored.assigneeId = agent.id;
        stored.version += 1;
        if (already) return null;
        agent.lastAssignedAt = now.toISOString();
        return announceAssignment(draft, stored, agent, now);
      });
      publishChanges(db, runtime, [id], announced ? [announced] : []);
      return HttpResponse.json(visible(user, id));
    }),

    http.post('/api/conversations/:id/close', async ({ params, request }) => {
      const id = String(params.id);
      const user = currentUser();
      const now = runtime.now();
      const target = await actionTarget(db.data, user, id, request, conflictBody(problemDetails.conversationClosedAlready, []), now);
      if (!target.ok) return target.response;
      const { conversation, version } = target;
      if (conversation.version !== version) return versionConflict('conversation');
      // Outside the window a free-form survey cannot go: it is skipped rather than failing at Twilio.
      const survey = replyWindow(conversation.lastInboundAt, now, conversation.windowClosedByTwilioAt ?? null).open ? surveyText(db.data, conversation.workstreamId, conversation.language) : null;
      const sent = db.write((draft) => {
        const at = now.toISOString();
        const stored = draft.conversations.find((c) => c.id === id)!;
        const message = survey ? automatedMessage(id, survey, at) : null;
        if (message) {
          draft.messages.push(message);
          stored.lastMessageAt = at;
          stored.lastMessagePreview = previewOf(message.body, false);
        }
        stored.status = 'closed';
        stored.closedAt = at;
        stored.waitingForReply = false;
        stored.version += 1;
        return message;
      });
      publishChanges(db, runtime, [id], sent ? [sent] : []);
      // Its agent has room again (or will, after wrap-up: the sweep sees to that).
      runAssignmentPass(db, runtime);
      return HttpResponse.json(visible(user, id));
    }),
  ];
}
