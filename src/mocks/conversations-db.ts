import { messagePreview } from '@/domain/message-preview';
import type { Conversation, ConversationQuery, Message } from '@/api/contract/conversation';
import type { LiveEvent } from '@/api/contract/live-event';
import type { MockData, StoredConversation, StoredUser } from './db';
import { memberQueueIds } from './people';
import { waitReasonOfConversation } from './routing-state';

/**
 * Without a workstream (its number was never set up, or the setup was removed) customers'
 * attachments are kept, and agents may not send any: nobody allowed it. As the server.
 */
const NO_SETUP_ATTACHMENTS = { customersCanSend: true, agentsCanSend: false };

/** A stored conversation as the API shows it, with what it refers to looked up (gone means null). */
export function toConversation(data: Readonly<MockData>, stored: StoredConversation, now: Date): Conversation {
  const { seq: _seq, requiredSkills: _skills, outOfHoursNotified: _notified, ...rest } = stored;
  const workstream = data.workstreams.find((w) => w.id === stored.workstreamId);
  const queue = data.queues.find((q) => q.id === stored.queueId);
  const assignee = data.users.find((u) => u.id === stored.assigneeId);
  return {
    ...rest,
    // Demo data saved in the browser before Twilio's refusals were kept has no such field.
    windowClosedByTwilioAt: stored.windowClosedByTwilioAt ?? null,
    workstreamId: workstream?.id ?? null,
    workstreamName: workstream?.name ?? null,
    queueId: queue?.id ?? null,
    queueName: queue?.name ?? null,
    distributionMode: workstream?.distributionMode ?? 'pick',
    assigneeId: assignee?.id ?? null,
    assigneeName: assignee?.name ?? null,
    attachments: workstream?.whatsapp?.attachments ?? NO_SETUP_ATTACHMENTS,
    waitReason: assignee ? null : waitReasonOfConversation(data, stored, now),
  };
}

export function signedInUser(data: Readonly<MockData>): StoredUser | undefined {
  const { userId } = data.session;
  return userId === null ? undefined : data.users.find((u) => u.id === userId);
}

/** Administrators see every conversation; agents those of their queues and those assigned to them. */
export function canSee(data: Readonly<MockData>, user: StoredUser, conversation: Pick<Conversation, 'queueId' | 'assigneeId'>): boolean {
  if (user.role === 'admin') return true;
  if (conversation.assigneeId === user.id) return true;
  return conversation.queueId !== null && memberQueueIds(data, user.id).includes(conversation.queueId);
}

/** A conversation the user may see, as the API shows it; not found and not allowed look the same. */
export function visibleConversation(data: Readonly<MockData>, user: StoredUser, id: string, now: Date): Conversation | undefined {
  const stored = data.conversations.find((c) => c.id === id);
  // The account's deletion takes its conversations along, as the database's cascade does.
  if (!stored || !data.accounts.some((a) => a.id === stored.accountId)) return undefined;
  const conversation = toConversation(data, stored, now);
  return canSee(data, user, conversation) ? conversation : undefined;
}

/** Whether a live event may reach this user: the same rule as reading the conversation. */
export function mayReceive(data: Readonly<MockData>, user: StoredUser, event: LiveEvent): boolean {
  switch (event.type) {
    case 'conversation':
      return canSee(data, user, event.conversation);
    case 'message': {
      const stored = data.conversations.find((c) => c.id === event.message.conversationId);
      return stored !== undefined && data.accounts.some((a) => a.id === stored.accountId) && canSee(data, user, stored);
    }
    case 'sandbox':
      return user.role === 'admin';
    case 'presence':
      return user.role === 'admin' || user.id === event.userId;
    case 'assignment':
      // A notification is the assignee's own, administrators included.
      return user.id === event.assigneeId;
  }
}

interface PageCursor {
  at: string;
  seq: number;
}

export function encodeCursor(cursor: PageCursor): string {
  return btoa(JSON.stringify([cursor.at, cursor.seq])).replace(/=+$/, '');
}

export function decodeCursor(raw: string): PageCursor | null {
  try {
    const value: unknown = JSON.parse(atob(raw));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, seq] = value as unknown[];
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof seq !== 'number' || !Number.isInteger(seq)) return null;
    return { at, seq };
  } catch {
    return null;
  }
}

/** Newest activity first; creation order breaks ties, so a page never shows an item twice. */
function newerFirst(a: StoredConversation, b: StoredConversation): number {
  const byTime = Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt);
  return byTime !== 0 ? byTime : b.seq - a.seq;
}

function isAfterCursor(c: StoredConversation, cursor: PageCursor): boolean {
  const at = Date.parse(c.lastMessageAt);
  const cursorAt = Date.parse(cursor.at);
  return at < cursorAt || (at === cursorAt && c.seq < cursor.seq);
}

/** One page of the conversations the user may see, filtered as asked. */
export function conversationPage(
  data: Readonly<MockData>,
  user: StoredUser,
  query: Omit<ConversationQuery, 'cursor'> & { cursor: PageCursor | null; limit: number },
  now: Date,
): { items: Conversation[]; nextCursor: string | null } {
  const matching = data.conversations
    .filter((c) => data.accounts.some((a) => a.id === c.accountId))
    .map((c) => ({ stored: c, view: toConversation(data, c, now) }))
    .filter(({ view }) => canSee(data, user, view))
    .filter(({ view }) => query.queueId === undefined || view.queueId === query.queueId)
    .filter(({ view }) => query.status === undefined || view.status === query.status)
    // "false" filters nothing, as on the server: it is the list without the filter.
    .filter(({ view }) => query.assignedToMe !== 'true' || view.assigneeId === user.id)
    .filter(({ view }) => query.waitingForReply === undefined || view.waitingForReply === (query.waitingForReply === 'true'))
    .sort((a, b) => newerFirst(a.stored, b.stored))
    .filter(({ stored }) => query.cursor === null || isAfterCursor(stored, query.cursor));
  const page = matching.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = matching.length > query.limit && last ? encodeCursor({ at: last.stored.lastMessageAt, seq: last.stored.seq }) : null;
  return { items: page.map(({ view }) => view), nextCursor };
}

/** Up to `size` messages before the one with id `before` (or the newest), oldest first. */
export function messagePage(
  data: Readonly<MockData>,
  conversationId: string,
  before: string | null,
  size: number,
): { items: Message[]; previousCursor: string | null } | null {
  const all = data.messages.filter((m) => m.conversationId === conversationId);
  const end = before === null ? all.length : all.findIndex((m) => m.id === before);
  if (end === -1) return null;
  const start = Math.max(0, end - size);
  const items = all.slice(start, end);
  return { items, previousCursor: start > 0 ? (items[0]?.id ?? null) : null };
}

/** The preview a list shows, as the server writes it. */
export const previewOf = messagePreview;

export function nextConversationSeq(data: Readonly<MockData>): number {
  return data.conversations.reduce((max, c) => Math.max(max, c.seq), 0) + 1;
}
