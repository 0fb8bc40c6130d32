import { eq } from 'drizzle-orm';
import type { Conversation, TransferInput } from '@/api/contract/conversation';
import { fieldError, notYourConversationDetail, withBotDetail } from '@/api/contract/problem-bodies';
import { isOpenAt } from '@/domain/operating-hours';
import { refusalFor, rulesWithoutWorkstream } from '@/domain/work-distribution/assignment';
import type { ServerContext } from '../context';
import type { Queryable } from '../db/database';
import { conversations, queues, users } from '../db/schema';
import { isUuid } from '../db/uuid';
import { lockAssignments } from './assignment';
import { notifyAssignee } from './assignment-notifications';
import { recordAudit } from './audit';
import { publishConversationChange } from './conversation-events';
import { announceAssignee, announceOutOfHours, writeNote, type Written } from './conversation-notes';
import { audienceOf, conversationView, lockConversation, type ConversationRow, type Viewer } from './conversation-views';
import { refuse } from './refused';
import { agentStanding } from './routing-state';

type Context = Pick<ServerContext, 'db' | 'now' | 'events' | 'wakeOutbox' | 'assignment'>;
type Log = { warn(object: object, message: string): void };
type Actor = Viewer & { name: string };

interface Moved {
  before: ReturnType<typeof audienceOf>;
  messageIds: string[];
  queuedOutbound: boolean;
}

/** The conversation, locked, if this person may move it: its assignee or an administrator. */
async function movableConversation(tx: Queryable, actor: Actor, conversationId: string, version: number): Promise<ConversationRow> {
  const row = await lockConversation(tx, conversationId);
  if (!row) throw refuse.notFound('conversation');
  if (actor.role !== 'admin' && row.assigneeId !== actor.id) throw refuse.forbidden(notYourConversationDetail);
  if (row.status === 'closed') throw refuse.conversationClosed();
  if (row.version !== version) throw refuse.versionConflict('conversation');
  if (row.botActive) throw refuse.conflict(withBotDetail, []);
  return row;
}

const customerNameOf = (row: ConversationRow) => row.profileName ?? row.customerPhone;

function audited(tx: Queryable, actor: Actor, row: ConversationRow, changedFields: string[], now: Date) {
  return recordAudit(tx, { id: actor.id, name: actor.name }, { action: 'updated', entityType: 'conversation', entityId: row.id, entityName: customerNameOf(row), changedFields }, now);
}

const written = (messages: (Written | null)[]) => {
  const present = messages.filter((m): m is Written => m !== null);
  return { messageIds: present.map((m) => m.messageId), queuedOutbound: present.some((m) => m.queuedOutbound) };
};

/** Back into a queue, at the back of its line; the customer hears once if that queue is closed now. */
async function toQueue(tx: Queryable, actor: Actor, row: ConversationRow, queueId: string, now: Date): Promise<Omit<Moved, 'before'>> {
  const [queue] = isUuid(queueId) ? await tx.select({ id: queues.id, name: queues.name, operatingHours: queues.operatingHours }).from(queues).where(eq(queues.id, queueId)) : [];
  if (!queue) throw refuse.validation([fieldError('to.queueId', 'queue.notFound')]);
  const closed = !isOpenAt(queue.operatingHours, now);
  await tx
    .update(conversations)
    .set({ queueId: queue.id, assigneeId: null, queuedAt: now.toISOString(), version: row.version + 1, ...(closed ? { outOfHoursNotified: true } : {}) })
    .where(eq(conversations.id, row.id));
  const note = await writeNote(tx, row.id, 'transferredToQueue', { queue: queue.name, by: actor.name }, now);
  const outOfHours = closed && !row.outOfHoursNotified ? await announceOutOfHours(tx, row, queue.name, now) : null;
  await audited(tx, actor, row, ['queue'], now);
  return written([{ messageId: note, queuedOutbound: false }, outOfHours]);
}

/** Straight to an agent who may take it now (presence allowed by the workstream, room left). */
async function toAgent(tx: Queryable, actor: Actor, row: ConversationRow, userId: string, now: Date): Promise<Omit<Moved, 'before'>> {
  const standing = isUuid(userId) ? await agentStanding(tx, userId, now) : undefined;
  if (!standing) throw refuse.validation([fieldError('to.userId', 'agent.unknown')]);
  const refusal = refusalFor(standing.agent, standing.load, standing.rulesOf(row.workstreamId) ?? rulesWithoutWorkstream(row.workstreamId));
  if (refusal) throw refuse.validation([fieldError('to.userId', refusal === 'presence' ? 'agent.presence' : 'agent.full')]);
  await tx.update(conversations).set({ assigneeId: standing.agent.id, version: row.version + 1 }).where(eq(conversations.id, row.id));
  await tx.update(users).set({ lastAssignedAt: now.toISOString() }).where(eq(users.id, standing.agent.id));
  const note = await writeNote(tx, row.id, 'transferredToAgent', { agent: standing.name, by: actor.name }, now);
  const announced = await announceAssignee(tx, row, standing.name, now);
  await audited(tx, actor, row, ['assignee'], now);
  return written([{ messageId: note, queuedOutbound: false }, announced]);
}

/** After the commit: the outbox, both sides' live events, and a pass for the room this freed or the queue it joined. */
async function afterMove(context: Context, conversationId: string, moved: Moved, log: Log): Promise<Conversation | undefined> {
  if (moved.queuedOutbound) context.wakeOutbox();
  await publishConversationChange(context, conversationId, moved.messageIds, log, moved.before);
  await context.assignment.request();
  return conversationView(context.db, conversationId, context.now());
}

/** POST /api/conversations/:id/transfer: by its assignee or an administrator, to a queue or an agent. */
export async function transferConversation(context: Context, actor: Actor, conversationId: string, input: TransferInput, log: Log) {
  const now = context.now();
  const moved = await context.db.transaction(async (tx): Promise<Moved> => {
    // The agent's room is counted as the assignment pass counts it: one at a time.
    await lockAssignments(tx);
    const row = await movableConversation(tx, actor, conversationId, input.version);
    const change = input.to.kind === 'queue' ? await toQueue(tx, actor, row, input.to.queueId, now) : await toAgent(tx, actor, row, input.to.userId, now);
    return { before: audienceOf(row), ...change };
  });
  const view = await afterMove(context, conversationId, moved, log);
  // Someone else gave it to them; an administrator taking it themselves needs no notice.
  if (input.to.kind === 'agent' && view?.assigneeId && view.assigneeId !== actor.id) await notifyAssignee(context, conversationId, log);
  return view;
}

/** POST /api/conversations/:id/release: back to its queue for someone else; nothing to do when nobody holds it. */
export async function releaseConversation(context: Context, actor: Actor, conversationId: string, version: number, log: Log) {
  const now = context.now();
  const moved = await context.db.transaction(async (tx): Promise<Moved> => {
    const row = await movableConversation(tx, actor, conversationId, version);
    if (row.assigneeId === null) return { before: audienceOf(row), messageIds: [], queuedOutbound: false };
    await tx
      .update(conversations)
      .set({ assigneeId: null, releasedBy: row.assigneeId, queuedAt: now.toISOString(), version: row.version + 1 })
      .where(eq(conversations.id, row.id));
    const [queue] = row.queueId ? await tx.select({ name: queues.name }).from(queues).where(eq(queues.id, row.queueId)) : [];
    const note = await writeNote(tx, row.id, 'released', { by: actor.name, queue: queue?.name ?? '' }, now);
    await audited(tx, actor, row, ['assignee'], now);
    return { before: audienceOf(row), messageIds: [note], queuedOutbound: false };
  });
  return afterMove(context, conversationId, moved, log);
}
