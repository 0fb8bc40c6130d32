import { http, HttpResponse, type HttpHandler } from 'msw';
import type { z } from 'zod';
import { conversationActionInputSchema, transferInputSchema, type Conversation, type TransferTargets } from '@/api/contract/conversation';
import type { NoteParams } from '@/domain/work-distribution/notes';
import { conversationClosedBody, forbiddenBody, notYourConversationDetail, validationProblemBody, withBotBody } from '@/api/contract/problem-bodies';
import { compareNames } from '@/domain/list-order';
import { isOpenAt } from '@/domain/operating-hours';
import { refusalFor, rulesWithoutWorkstream } from '@/domain/work-distribution/assignment';
import { runAssignmentPass } from '../assignment';
import { recordAudit } from '../audit';
import type { ConversationRuntime } from '../conversation-runtime';
import { signedInUser, toConversation, visibleConversation } from '../conversations-db';
import type { MockData, MockDb, StoredConversation, StoredMessage, StoredUser } from '../db';
import { notifyAssignees } from '../assignment-notice';
import { publishChanges } from '../live-changes';
import { fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';
import { distributionRulesOf, loadOfUser, routingAgentOf } from '../routing-state';
import { presenceOf } from '../people';
import { announceAssignment, announceOutOfHours, noteMessage } from '../system-messages';

type Target<S extends z.ZodType> = { ok: true; conversation: Conversation; input: z.output<S> } | { ok: false; response: Response };

/**
 * What transfer and release begin with, in the server's order: a valid body, a conversation
 * that exists, theirs (or they administer), still open, and the version they saw.
 */
async function movable<S extends z.ZodType<{ version: number }>>(
  data: Readonly<MockData>,
  user: StoredUser,
  id: string,
  request: Request,
  schema: S,
  now: Date,
): Promise<Target<S>> {
  const read = await readJson(request);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body);
  if (!parsed.success) return { ok: false, response: validationProblem(parsed.error, read.body) };
  const stored = data.conversations.find((c) => c.id === id && data.accounts.some((a) => a.id === c.accountId));
  if (!stored) return { ok: false, response: notFound('conversation') };
  const conversation = toConversation(data, stored, now);
  if (user.role !== 'admin' && conversation.assigneeId !== user.id) return { ok: false, response: problem(forbiddenBody(notYourConversationDetail)) };
  if (conversation.status === 'closed') return { ok: false, response: problem(conversationClosedBody()) };
  if (conversation.version !== parsed.data.version) return { ok: false, response: versionConflict('conversation') };
  if (conversation.bot?.active) return { ok: false, response: problem(withBotBody()) };
  return { ok: true, conversation, input: parsed.data };
}

/** The conversation as the audit log names it: the customer. */
const audited = (conversation: StoredConversation) => ({ id: conversation.id, name: conversation.customer.profileName ?? conversation.customer.phone });

/** Back to a queue to wait its turn (from now), with a note saying who moved it where. */
function requeue(draft: MockData, id: string, queueId: string | null, note: 'transferredToQueue' | 'released', params: NoteParams, now: Date): StoredMessage {
  const stored = draft.conversations.find((c) => c.id === id)!;
  stored.queueId = queueId;
  if (note === 'released') stored.releasedBy = stored.assigneeId;
  stored.assigneeId = null;
  stored.queuedAt = now.toISOString();
  stored.version += 1;
  const message = noteMessage(id, note, params, now.toISOString());
  draft.messages.push(message);
  return message;
}

/** A queue closed now tells the customer once, as on arrival. */
function outOfHoursAfterTransfer(draft: MockData, id: string, now: Date): StoredMessage | null {
  const stored = draft.conversations.find((c) => c.id === id)!;
  const queue = draft.queues.find((q) => q.id === stored.queueId);
  if (!queue || isOpenAt(queue.operatingHours, now)) return null;
  const notified = stored.outOfHoursNotified;
  stored.outOfHoursNotified = true;
  return notified ? null : announceOutOfHours(draft, stored, queue.name, now);
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every queue, and every agent but the one holding it with whether a transfer to them would be taken now. */
function transferTargetsOf(data: Readonly<MockData>, conversation: Conversation, now: Date): TransferTargets {
  const workstream = data.workstreams.find((w) => w.id === conversation.workstreamId);
  return {
    queues: data.queues.map((queue) => ({ id: queue.id, name: queue.name, open: isOpenAt(queue.operatingHours, now) })).sort(byName),
    agents: data.users
      .filter((user) => user.id !== conversation.assigneeId && (user.role === 'agent' || user.role === 'admin'))
      .map((user) => {
        // As the transfer itself decides: a conversation without a workstream goes to anyone but Offline.
        const refusal = refusalFor(routingAgentOf(data, user, now), loadOfUser(data, user, now), workstream ? distributionRulesOf(workstream) : rulesWithoutWorkstream(conversation.workstreamId));
        return { id: user.id, name: user.name, presence: presenceOf(user, now), eligible: refusal === null, refusal };
      })
      .sort(byName),
  };
}

/** POST /api/conversations/:id/transfer and /release (and where to transfer): by the assignee or an administrator. */
export function conversationTransfersHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const currentUser = () => signedInUser(db.data)!;
  // The conversation as it is now, even when the mover no longer sees it (moved to a queue not theirs).
  const answer = (id: string) => HttpResponse.json(toConversation(db.data, db.data.conversations.find((c) => c.id === id)!, runtime.now()));

  return [
    http.get('/api/conversations/:id/transfer-targets', ({ params }) => {
      const user = currentUser();
      const now = runtime.now();
      const conversation = visibleConversation(db.data, user, String(params.id), now);
      if (!conversation) return notFound('conversation');
      if (user.role !== 'admin' && conversation.assigneeId !== user.id) return problem(forbiddenBody(notYourConversationDetail));
      return HttpResponse.json(transferTargetsOf(db.data, conversation, now));
    }),

    http.post('/api/conversations/:id/transfer', async ({ params, request }) => {
      const id = String(params.id);
      const user = currentUser();
      const now = runtime.now();
      const target = await movable(db.data, user, id, request, transferInputSchema, now);
      if (!target.ok) return target.response;
      const { to } = target.input;

      if (to.kind === 'queue') {
        const queue = db.data.queues.find((q) => q.id === to.queueId);
        if (!queue) return problem(validationProblemBody([fieldError('to.queueId', 'queue.notFound')]));
        const written = db.write((draft) => {
          const note = requeue(draft, id, queue.id, 'transferredToQueue', { queue: queue.name, by: user.name }, now);
          const outOfHours = outOfHoursAfterTransfer(draft, id, now);
          recordAudit(draft, 'updated', 'conversation', audited(draft.conversations.find((c) => c.id === id)!), ['queue']);
          return outOfHours ? [note, outOfHours] : [note];
        });
        publishChanges(db, runtime, [id], written);
        runAssignmentPass(db, runtime);
        return answer(id);
      }

      const agent = db.data.users.find((u) => u.id === to.userId);
      if (!agent) return problem(validationProblemBody([fieldError('to.userId', 'agent.unknown')]));
      const workstream = db.data.workstreams.find((w) => w.id === target.conversation.workstreamId);
      const refusal = refusalFor(routingAgentOf(db.data, agent, now), loadOfUser(db.data, agent, now), workstream ? distributionRulesOf(workstream) : rulesWithoutWorkstream(target.conversation.workstreamId));
      if (refusal) return problem(validationProblemBody([fieldError('to.userId', refusal === 'presence' ? 'agent.presence' : 'agent.full')]));
      const written = db.write((draft) => {
        const stored = draft.conversations.find((c) => c.id === id)!;
        const assignee = draft.users.find((u) => u.id === agent.id)!;
        stored.assigneeId = assignee.id;
        stored.version += 1;
        assignee.lastAssignedAt = now.toISOString();
        const note = noteMessage(id, 'transferredToAgent', { agent: assignee.name, by: user.name }, now.toISOString());
        draft.messages.push(note);
        const announced = announceAssignment(draft, stored, assignee, now);
        recordAudit(draft, 'updated', 'conversation', audited(stored), ['assignee']);
        return announced ? [note, announced] : [note];
      });
      publishChanges(db, runtime, [id], written);
      // As on the server: taking it yourself is no news to you.
      if (to.userId !== user.id) notifyAssignees(db, runtime, [id]);
      // Whatever the previous agent held is free now.
      runAssignmentPass(db, runtime);
      return answer(id);
    }),

    http.post('/api/conversations/:id/release', async ({ params, request }) => {
      const id = String(params.id);
      const user = currentUser();
      const now = runtime.now();
      const target = await movable(db.data, user, id, request, conversationActionInputSchema, now);
      if (!target.ok) return target.response;
      const { conversation } = target;
      // Nobody holds it: nothing to give back.
      if (conversation.assigneeId === null) return answer(id);
      const note = db.write((draft) => {
        const message = requeue(draft, id, conversation.queueId, 'released', { queue: conversation.queueName ?? '', by: user.name }, now);
        recordAudit(draft, 'updated', 'conversation', audited(draft.conversations.find((c) => c.id === id)!), ['assignee']);
        return message;
      });
      publishChanges(db, runtime, [id], [note]);
      runAssignmentPass(db, runtime);
      return answer(id);
    }),
  ];
}
